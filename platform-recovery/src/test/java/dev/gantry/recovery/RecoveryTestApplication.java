package dev.gantry.recovery;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/** The recovery module alone, as integration tests start it; the real application lives in platform-web. */
@SpringBootApplication
@EnableMethodSecurity
public class RecoveryTestApplication {
}
