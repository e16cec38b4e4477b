package dev.gantry.secrets;

import java.time.Instant;
import java.util.List;

/** Everything about a secret except its values; safe to list. */
public record SecretMetadata(String path, String ownerTeam, String description, Instant createdAt, Instant updatedAt,
        long currentVersion, int maxVersions, List<SecretVersionInfo> versions) {

    public SecretMetadata {
        versions = List.copyOf(versions);
    }
}
