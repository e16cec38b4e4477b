package dev.gantry.recovery;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One run of a backup plan and the backup it produced. Each run has exactly one point, failed runs included, so
 * the points of a plan are also its run history.
 *
 * @param createdAt      the backup's time (its manifest's {@code created-at}); null until it is published
 * @param bytesDone      plaintext bytes read from the source so far (final size once finished)
 * @param manifestSha256 SHA-256 of the signed manifest as published
 * @param verified       every published copy was read back whole, authenticated, after writing
 * @param keptBy         why retention keeps it (e.g. {@code daily}); null before retention ran
 * @param latestDrillPassed whether the newest drill of this point passed; null if never drilled
 */
public record BackupPoint(UUID id, UUID planId, String archiveName, PayloadFormat format, PointState state,
        Instant startedAt, @Nullable Instant finishedAt, @Nullable Instant createdAt, long bytesDone,
        long archiveBytes, int locationsSucceeded, int locationsFailed, @Nullable String keyId,
        @Nullable String manifestSha256, boolean verified, @Nullable String keptBy, @Nullable String failure,
        String startedBy, @Nullable Boolean latestDrillPassed) {

    /** Only a complete backup, written to every location, counts toward the recovery point objective. */
    public boolean countsTowardRpo() {
        return state == PointState.SUCCEEDED;
    }
}
