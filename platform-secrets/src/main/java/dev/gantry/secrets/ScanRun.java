package dev.gantry.secrets;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One scan of a repository's history. {@code findings} counts what was found and not allowed (at most
 * {@link RepositoryScan#MAX_STORED_FINDINGS} of them are stored); {@code allowed} what the allow-list suppressed;
 * {@code blobsSkipped} the files passed over for being binary or too large.
 */
public record ScanRun(UUID id, String repository, ScanOutcome outcome, Instant startedAt, String startedBy,
        @Nullable Instant finishedAt, int commitsScanned, int blobsScanned, int blobsSkipped, int findings,
        int allowed, @Nullable String error) {
}
