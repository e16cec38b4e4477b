package dev.gantry.access.internal.audit;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who to name in the trail's own entries: the signed-in user, or the scheduler when nobody is. */
public final class Actors {

    static final String SYSTEM = "system:audit";

    private Actors() {
    }

    public static String current() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return SYSTEM;
        }
        return authentication.getName();
    }
}
