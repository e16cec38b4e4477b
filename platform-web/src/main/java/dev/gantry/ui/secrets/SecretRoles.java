package dev.gantry.ui.secrets;

import java.util.Arrays;
import java.util.Set;

import dev.gantry.domain.Role;
import dev.gantry.secrets.SecretCapability;
import dev.gantry.secrets.SecretPolicies;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What the views offer to whom, mirroring the vault's own checks (ADR 6) so nobody is shown a button the vault
 * would refuse: on a secret, the capabilities the caller's policies give on its path; for the seal, policies, scans
 * and every token, the global role. The vault decides; this only hides.
 */
final class SecretRoles {

    private SecretRoles() {
    }

    /** What the signed-in person may do on {@code path}; empty if nothing (or if asking fails). */
    static Set<SecretCapability> on(SecretPolicies policies, String path) {
        return policies.capabilitiesOn(path);
    }

    /** The seal, policies, repository scans and everybody's tokens. */
    static boolean mayAdminister() {
        return holds(Role.SECRETS_ADMIN);
    }

    /** Sees every vault token, not only their own (ADR 6). */
    static boolean seesAllTokens() {
        return holds(Role.SECRETS_ADMIN, Role.ADMIN);
    }

    private static boolean holds(Role... roles) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(held -> Arrays.stream(roles).map(Role::authority).anyMatch(held::equals));
    }
}
