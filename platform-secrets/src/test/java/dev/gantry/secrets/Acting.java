package dev.gantry.secrets;

import java.util.function.Supplier;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs one step of a test as someone: a person with exactly the authorities a sign-in would give them (team roles
 * {@code TEAM:<slug>:<ROLE>}, {@code SIGNED_IN}), or a vault token. The access module's {@code SignedIn} knows
 * global roles only.
 */
final class Acting {

    private Acting() {
    }

    static Authentication person(String username, String... authorities) {
        return new TestingAuthenticationToken(username, "n/a", authorities);
    }

    static <T> T as(Authentication who, Supplier<T> action) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(who);
        SecurityContextHolder.setContext(context);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    static void as(Authentication who, Runnable action) {
        as(who, () -> {
            action.run();
            return null;
        });
    }
}
