package dev.gantry.secrets;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A vault token as its owner or an administrator sees it; nothing of its value. */
public record VaultTokenView(
        UUID id,
        String owner,
        String name,
        VaultTokenKind kind,
        Set<String> policies,
        @Nullable UUID parentId,
        boolean renewable,
        Duration ttl,
        Instant createdAt,
        String createdBy,
        Instant expiresAt,
        Instant maxExpiresAt,
        @Nullable Instant revokedAt,
        @Nullable String revokeReason,
        VaultTokenState state) {

    public VaultTokenView {
        policies = Set.copyOf(policies);
    }
}
