package dev.gantry.secrets;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One version's history, without its value.
 *
 * @param keyVersion the root key version that wrapped this version's data key; null once the value is destroyed
 */
public record SecretVersionInfo(long version, VersionState state, Instant createdAt, String createdBy,
        @Nullable Integer keyVersion) {

    public SecretVersionInfo(long version, VersionState state, Instant createdAt, String createdBy) {
        this(version, state, createdAt, createdBy, null);
    }
}
