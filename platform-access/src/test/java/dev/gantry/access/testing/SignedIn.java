package dev.gantry.access.testing;

import java.util.function.Supplier;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** Runs one step of a test as another signed-in user, e.g. to set up someone else's data. */
public final class SignedIn {

    private SignedIn() {
    }

    public static <T> T as(String username, String role, Supplier<T> action) {
        return withAuthority(username, "ROLE_" + role, action);
    }

    /** As {@link #as}, with an authority that is not a global role, e.g. {@code TEAM:payments:ENGINEER}. */
    public static <T> T withAuthority(String username, String authority, Supplier<T> action) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new TestingAuthenticationToken(username, "n/a", authority));
        SecurityContextHolder.setContext(context);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
