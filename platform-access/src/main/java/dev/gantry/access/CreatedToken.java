package dev.gantry.access;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A freshly created API token. {@code value} is the only copy of the plaintext Gantry ever holds: show it once,
 * it cannot be retrieved later.
 */
public record CreatedToken(UUID id, String owner, String name, String value, Set<ApiScope> scopes, Instant expiresAt) {

    public CreatedToken {
        scopes = Set.copyOf(scopes);
    }

    @Override
    public String toString() {
        return "CreatedToken[id=" + id + ", owner=" + owner + ", name=" + name + ", value=<hidden>, scopes=" + scopes
                + ", expiresAt=" + expiresAt + "]";
    }
}
