package dev.gantry.secrets;

import java.io.Serializable;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * The machine (or person) a request acts for once its vault token was accepted: the token's id and owner and the
 * policies it carries. Holds nothing of the token value.
 */
public record VaultTokenPrincipal(UUID tokenId, String owner, String name, Set<String> policies, Instant expiresAt)
        implements Serializable {

    public VaultTokenPrincipal {
        policies = Set.copyOf(policies);
    }

    /** The audit actor for what the request does: {@code vault-token:<id>}. */
    public String auditActor() {
        return VaultTokenAuthentication.ACTOR_PREFIX + tokenId;
    }
}
