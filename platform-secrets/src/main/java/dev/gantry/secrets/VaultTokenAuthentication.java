package dev.gantry.secrets;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request authenticated by a vault token, as {@link VaultTokens#authenticate} returns it: put it in the security
 * context and {@link SecretVault} evaluates the token's policies exactly as it evaluates a signed-in user's.
 *
 * <p>Its only authority is {@link #AUTHORITY}: no role and no {@code SIGNED_IN}, so a vault token opens the vault
 * and nothing else in Gantry. Its name, the audit actor, is {@code vault-token:<id>}. Only this module creates one.
 */
public final class VaultTokenAuthentication extends AbstractAuthenticationToken {

    public static final String AUTHORITY = "VAULT_TOKEN";
    /** Starts the name, hence the audit actor, of every request made with a vault token. */
    public static final String ACTOR_PREFIX = "vault-token:";

    private final VaultTokenPrincipal principal;

    VaultTokenAuthentication(VaultTokenPrincipal principal) {
        super(List.of(new SimpleGrantedAuthority(AUTHORITY)));
        this.principal = principal;
        super.setAuthenticated(true);
    }

    @Override
    public VaultTokenPrincipal getPrincipal() {
        return principal;
    }

    /** Always null: the token value is not kept once it has been checked. */
    @Override
    public @org.jspecify.annotations.Nullable Object getCredentials() {
        return null;
    }

    @Override
    public String getName() {
        return principal.auditActor();
    }

    @Override
    public void setAuthenticated(boolean authenticated) {
        if (authenticated) {
            throw new IllegalArgumentException("only VaultTokens marks a vault token authenticated");
        }
        super.setAuthenticated(false);
    }

    public UUID tokenId() {
        return principal.tokenId();
    }

    public String owner() {
        return principal.owner();
    }

    public Set<String> policies() {
        return principal.policies();
    }

    @Override
    public boolean equals(@org.jspecify.annotations.Nullable Object other) {
        return other instanceof VaultTokenAuthentication that && that.principal.equals(principal)
                && that.isAuthenticated() == isAuthenticated();
    }

    @Override
    public int hashCode() {
        return principal.hashCode();
    }
}
