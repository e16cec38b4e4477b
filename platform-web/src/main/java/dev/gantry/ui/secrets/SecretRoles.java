package dev.gantry.ui.secrets;

import java.util.Arrays;

import dev.gantry.domain.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What the views offer to whom, mirroring the vault's own checks (ADR 4) so nobody is shown a button the vault
 * would refuse. The vault decides; this only hides.
 */
final class SecretRoles {

    private SecretRoles() {
    }

    /** Read values, write, delete, undelete, roll back. */
    static boolean mayUse() {
        return holds(Role.SECRETS_ADMIN, Role.ENGINEER);
    }

    /** Destroy versions, configure secrets, and the seal. */
    static boolean mayAdminister() {
        return holds(Role.SECRETS_ADMIN);
    }

    private static boolean holds(Role... roles) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(held -> Arrays.stream(roles).map(Role::authority).anyMatch(held::equals));
    }
}
