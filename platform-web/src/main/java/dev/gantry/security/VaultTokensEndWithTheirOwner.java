package dev.gantry.security;

import java.util.List;

import dev.gantry.access.UserDisabled;
import dev.gantry.config.SystemAuthority;
import dev.gantry.domain.Role;
import dev.gantry.secrets.VaultTokens;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Revokes a disabled user's vault tokens, and the tokens descending from them, in the transaction that disables
 * the account: like their API tokens, so no moment exists in which the account is off and its CI token still
 * reads secrets. If the revocation fails, the account is not disabled either.
 */
@Component
class VaultTokensEndWithTheirOwner {

    private final VaultTokens tokens;

    VaultTokensEndWithTheirOwner(VaultTokens tokens) {
        this.tokens = tokens;
    }

    @EventListener
    void on(UserDisabled disabled) {
        SystemAuthority.runAs("user-disabled", List.of(Role.SECRETS_ADMIN),
                () -> tokens.revokeAllOwnedBy(disabled.username()));
    }
}
