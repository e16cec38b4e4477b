package dev.gantry.secrets;

import dev.gantry.access.testing.MutableClock;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/** The secrets module alone, as integration tests start it; the real application lives in platform-web. */
@SpringBootApplication
@EnableMethodSecurity
public class SecretsTestApplication {

    /** Starts at {@code gantry.test.clock-start}, so a second JVM on the same database can start later. */
    @Bean
    MutableClock clock(@Value("${gantry.test.clock-start:2026-11-22T15:00:00Z}") Instant start) {
        return new MutableClock(start);
    }
}
