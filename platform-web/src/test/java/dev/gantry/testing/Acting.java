package dev.gantry.testing;

import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/** Work done as a given, already authenticated, person, on the current thread only. */
public final class Acting {

    private Acting() {
    }

    /** Runs {@code work} as {@code user} holding {@code authorities}, then puts the thread's context back. */
    public static <T> T as(String user, Supplier<T> work, String... authorities) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, "n/a",
                AuthorityUtils.createAuthorityList(authorities)));
        var previous = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
