package dev.gantry.config;

import java.io.PrintStream;
import java.util.Optional;

import dev.gantry.access.UserManagement;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the first start of an empty installation, creates the {@code admin} account. Its one-time password is taken
 * from {@code GANTRY_ADMIN_PASSWORD} or generated and printed once to the console: on standard output, not through
 * the logging system, so it never reaches a log file or log shipper.
 */
@Component
@Order(0)
class BootstrapAdmin implements ApplicationRunner {

    private final UserManagement users;
    private final Environment environment;
    private final PrintStream console;

    BootstrapAdmin(UserManagement users, Environment environment) {
        this.users = users;
        this.environment = environment;
        this.console = System.out;
    }

    @Override
    public void run(ApplicationArguments args) {
        Optional<String> configured = Optional.ofNullable(environment.getProperty("GANTRY_ADMIN_PASSWORD"));
        try {
            users.bootstrapAdminIfEmpty(configured).ifPresent(generated -> console.println("""

                    ==================================================================
                     Gantry created the first administrator.
                       user name:          %s
                       one-time password:  %s
                     Sign in at the portal; you will choose a new password and enrol
                     an authenticator app. This password is not shown again.
                    ==================================================================
                    """.formatted(UserManagement.BOOTSTRAP_ADMIN, generated)));
        } catch (DataIntegrityViolationException anotherNodeWasFaster) {
            // Two nodes started on an empty database at once; the other one created the account.
        }
    }
}
