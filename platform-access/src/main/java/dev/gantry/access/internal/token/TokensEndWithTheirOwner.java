package dev.gantry.access.internal.token;

import dev.gantry.access.ApiTokens;
import dev.gantry.access.UserDisabled;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Revokes a disabled user's tokens in the transaction that disables them: synchronous on purpose, so there is no
 * moment in which the account is disabled and a token of it still works.
 */
@Component
class TokensEndWithTheirOwner {

    private final ApiTokens tokens;

    TokensEndWithTheirOwner(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @EventListener
    void on(UserDisabled disabled) {
        tokens.revokeAllOf(disabled.username());
    }
}
