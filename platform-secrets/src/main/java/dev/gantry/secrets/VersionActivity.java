package dev.gantry.secrets;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What happened to one version of a secret, for a history a person reads: its staging label, when it was written
 * and by whom, when it became CURRENT, when it failed as a rotation candidate, and when it was last read (as
 * precise as {@code gantry.secrets.read-tracking.granularity}). Never a value.
 */
public record VersionActivity(long version, @Nullable StageLabel label, VersionState state, Instant createdAt,
        String createdBy, @Nullable Instant currentSince, @Nullable Instant failedAt, @Nullable Instant lastReadAt) {
}
