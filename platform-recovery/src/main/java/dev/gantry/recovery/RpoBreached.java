package dev.gantry.recovery;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A service's data is less protected than promised: no complete backup arrived by the schedule's deadline
 * ({@link Cause#MISSED_SCHEDULE}), or a drill found the newest restorable backup older than the objective
 * ({@link Cause#DRILL}).
 *
 * @param lastGoodBackupAt the newest backup that counts (complete; for a drill: its latest drill passed)
 * @param deadline         when a backup was due at the latest (missed schedule), or drill time minus objective
 * @param objective        the RPO in force, if any
 */
public record RpoBreached(UUID backupPlanId, String serviceId, Cause cause, @Nullable Instant lastGoodBackupAt,
        Instant deadline, Instant detectedAt, @Nullable Duration objective) {

    public enum Cause { MISSED_SCHEDULE, DRILL }
}
