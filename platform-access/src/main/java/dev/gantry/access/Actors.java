package dev.gantry.access;

import dev.gantry.domain.Role;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is acting, for audit entries and ownership checks, taken from the security context of the call. */
final class Actors {

    private Actors() {
    }

    /**
     * The signed-in user's name; {@code fallback} when nobody is signed in yet, e.g. while sign-in checks the second
     * factor of the user it is about to sign in.
     */
    static String current(String fallback) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken || authentication.getName().isBlank()) {
            return fallback;
        }
        return authentication.getName();
    }

    static boolean currentIsAdmin() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated()
                && authentication.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .anyMatch(Role.ADMIN.authority()::equals);
    }
}
