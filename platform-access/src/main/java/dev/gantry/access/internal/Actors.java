package dev.gantry.access.internal;

import dev.gantry.access.Authorities;
import dev.gantry.domain.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is acting, for audit entries and for checks that an annotation cannot express. */
public final class Actors {

    private Actors() {
    }

    /** The signed-in user's name, or {@code system} when nobody is signed in (start-up, scheduled jobs). */
    public static String current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || authentication.getName() == null ? "system" : authentication.getName();
    }

    /** An admin, or an engineer of the given team. */
    public static boolean mayEngineer(String teamSlug) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return false;
        }
        String team = Authorities.teamRole(teamSlug, Role.ENGINEER);
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(a -> a.equals(Role.ADMIN.authority()) || a.equals(team));
    }
}
