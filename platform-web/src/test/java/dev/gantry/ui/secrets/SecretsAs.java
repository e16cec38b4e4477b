package dev.gantry.ui.secrets;

import java.util.List;
import java.util.function.Supplier;

import dev.gantry.domain.Role;
import dev.gantry.testing.GantryUserSecurityContextFactory;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** Runs set-up or checks as someone else, then puts the test's own user back. */
final class SecretsAs {

    private SecretsAs() {
    }

    static <T> T keeper(Supplier<T> work) {
        return as("ui-keeper", List.of(Role.SECRETS_ADMIN), List.of(), work);
    }

    static <T> T as(String username, List<Role> roles, List<String> teamRoles, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(GantryUserSecurityContextFactory.contextFor(username, roles, teamRoles));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
