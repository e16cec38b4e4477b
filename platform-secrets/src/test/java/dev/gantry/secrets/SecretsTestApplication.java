package dev.gantry.secrets;

import dev.gantry.access.testing.MutableClock;
import java.time.Instant;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/** The secrets module alone, as integration tests start it; the real application lives in platform-web. */
@SpringBootApplication
@EnableMethodSecurity
public class SecretsTestApplication {

    @Bean
    MutableClock clock() {
        return new MutableClock(Instant.parse("2026-11-22T15:00:00Z"));
    }
}
