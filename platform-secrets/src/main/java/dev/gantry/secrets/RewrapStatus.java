package dev.gantry.secrets;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * How far stored keys have been rewrapped to the newest root key version. {@code total} counts the secret versions
 * that hold a value plus the vault's internal keys; {@code done} those already wrapped by {@code targetKeyVersion}.
 *
 * @param lowestKeyVersionInUse the oldest root key version anything stored still needs: the highest value the
 *                              minimum decryption version can be raised to right now
 * @param startedAt             when the first batch towards this version ran; null before
 * @param finishedAt            when the last stored key reached this version; null while pending
 */
public record RewrapStatus(int targetKeyVersion, long total, long done, int minDecryptionVersion,
        int lowestKeyVersionInUse, @Nullable Instant startedAt, @Nullable Instant finishedAt) {

    public long pending() {
        return total - done;
    }

    public boolean complete() {
        return done == total;
    }
}
