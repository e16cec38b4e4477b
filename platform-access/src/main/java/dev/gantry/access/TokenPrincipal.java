package dev.gantry.access;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Who an API request acts for, once its bearer token was accepted, and what it may do. */
public record TokenPrincipal(String owner, UUID tokenId, Set<ApiScope> scopes, Instant expiresAt) {

    public TokenPrincipal {
        scopes = Set.copyOf(scopes);
    }

    public boolean has(ApiScope scope) {
        return scopes.contains(scope);
    }

    /** The audit actor for what this request does: {@code token:<id>}. */
    public String auditActor() {
        return "token:" + tokenId;
    }
}
