package dev.gantry.access;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/** The access module on its own, for integration tests: its services, entities, migrations and method security. */
@SpringBootApplication
@EnableMethodSecurity
public class AccessTestApplication {
}
