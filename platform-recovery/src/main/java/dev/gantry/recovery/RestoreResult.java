package dev.gantry.recovery;

import java.time.Duration;
import java.util.UUID;

/** What an on-demand restore produced: where the data now is, how much, how long, and whether it is as recorded. */
public record RestoreResult(UUID restoreId, UUID pointId, String target, long bytes, Duration took,
        CheckResult expectation) {
}
