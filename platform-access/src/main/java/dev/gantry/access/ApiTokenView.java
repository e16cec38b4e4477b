package dev.gantry.access;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An API token as its owner sees it in a list. {@code displayPrefix} is the first characters after {@code gty_}:
 * enough to recognise a token, useless to use it.
 */
public record ApiTokenView(
        UUID id,
        String owner,
        String name,
        String displayPrefix,
        Set<ApiScope> scopes,
        Instant createdAt,
        Instant expiresAt,
        @Nullable Instant lastUsedAt,
        @Nullable Instant revokedAt,
        TokenState state) {

    public ApiTokenView {
        scopes = Set.copyOf(scopes);
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
