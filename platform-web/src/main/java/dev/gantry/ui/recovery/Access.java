package dev.gantry.ui.recovery;

import dev.gantry.domain.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** What the signed-in person may do here, to hide what they may not; the services decide. */
final class Access {

    private Access() {
    }

    static boolean isAdmin() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(Role.ADMIN.authority()::equals);
    }

    static final String DENIED = "Only an administrator may do this. Ask one of your administrators to do it, or "
            + "to grant you the ADMIN role.";
}
