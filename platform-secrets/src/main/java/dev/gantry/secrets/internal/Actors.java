package dev.gantry.secrets.internal;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is acting, for audit entries and the role checks that must audit a denial. */
public final class Actors {

    private Actors() {
    }

    public static String current(String fallback) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken
                || authentication.getName() == null || authentication.getName().isBlank()) {
            return fallback;
        }
        return authentication.getName();
    }

    /**
     * Runs {@code action} as a named system actor holding {@code authorities}: rotation reads and writes the
     * secrets it needs (a CA key, an administrator's credential) as itself, whoever asked for the rotation.
     */
    public static <T> T runAsSystem(String name, java.util.function.Supplier<T> action, String... authorities) {
        var original = SecurityContextHolder.getContext();
        var system = SecurityContextHolder.createEmptyContext();
        system.setAuthentication(org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                .authenticated(name, "n/a", org.springframework.security.core.authority.AuthorityUtils
                        .createAuthorityList(authorities)));
        SecurityContextHolder.setContext(system);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.setContext(original);
        }
    }

    public static boolean holdsAny(String... authorities) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return false;
        }
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(held -> java.util.Arrays.asList(authorities).contains(held));
    }
}
