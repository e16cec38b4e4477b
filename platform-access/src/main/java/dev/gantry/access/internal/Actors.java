package dev.gantry.access.internal;

import dev.gantry.access.Authorities;
import dev.gantry.domain.Role;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is acting, for audit entries and for the checks an annotation cannot express. One place for the module. */
public final class Actors {

    public static final String SYSTEM = "system";

    private Actors() {
    }

    /** The signed-in caller's name, or {@link #SYSTEM} when nobody is (start-up, a job without a named actor). */
    public static String current() {
        return current(SYSTEM);
    }

    /**
     * The signed-in caller's name, or {@code fallback} when nobody is signed in yet, e.g. while sign-in checks the
     * second factor of the user it is about to sign in. An anonymous authentication counts as nobody.
     */
    public static String current(String fallback) {
        Authentication authentication = signedIn();
        return authentication == null ? fallback : authentication.getName();
    }

    public static boolean currentIsAdmin() {
        return holds(Role.ADMIN.authority());
    }

    /** An admin, or an engineer of the given team. */
    public static boolean mayEngineer(String teamSlug) {
        return currentIsAdmin() || holds(Authorities.teamRole(teamSlug, Role.ENGINEER));
    }

    private static boolean holds(String authority) {
        Authentication authentication = signedIn();
        return authentication != null && authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).anyMatch(authority::equals);
    }

    private static Authentication signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken
                || authentication.getName() == null || authentication.getName().isBlank()) {
            return null;
        }
        return authentication;
    }
}
