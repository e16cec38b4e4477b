package dev.gantry.recovery;

import java.time.Instant;
import java.util.UUID;

/** A backup while it runs: how many plaintext bytes the source has produced so far. */
public record BackupProgress(UUID pointId, UUID planId, String archiveName, long bytesDone, Instant startedAt) {
}
