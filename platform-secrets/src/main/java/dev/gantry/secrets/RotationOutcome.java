package dev.gantry.secrets;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** How one rotation ended. */
public sealed interface RotationOutcome {

    String path();

    /** The candidate passed its test and is CURRENT now. */
    record Rotated(String path, long version, @Nullable Long previousVersion, Instant completedAt)
            implements RotationOutcome {
    }

    /** CURRENT is unchanged; the candidate (if one was made) is marked FAILED. */
    record Failed(String path, String step, String reason, int consecutiveFailures, Instant nextAttemptAt)
            implements RotationOutcome {
    }
}
