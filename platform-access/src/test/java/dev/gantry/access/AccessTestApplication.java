package dev.gantry.access;

import dev.gantry.access.testing.MutableClock;
import java.time.Instant;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/** The access module alone, as integration tests start it; the real application lives in platform-web. */
@SpringBootApplication
@EnableMethodSecurity
public class AccessTestApplication {

    @Bean
    MutableClock clock() {
        return new MutableClock(Instant.parse("2026-11-22T12:00:00Z"));
    }
}
