package dev.gantry.recovery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The evidence of one drill: which backup (and the seed that chose it), every check with its result and timing,
 * the verdict, the RTO and RPO achieved against the objectives in force, and any trouble cleaning up.
 *
 * @param rtoAchieved    restore start to the last check passing; null unless every check passed
 * @param rpoAchieved    drill time minus the creation time of the newest backup of the plan whose latest drill
 *                       passed (this one included); null when no backup of the plan has passed a drill
 * @param cleanupProblem why the scratch target could not be removed; null when it was
 */
public record DrillReport(UUID drillId, UUID drillPlanId, UUID backupPlanId, @Nullable UUID pointId, Kind kind,
        long seed, String scratch, DrillVerdict verdict, List<CheckResult> checks, Instant startedAt,
        Instant finishedAt, @Nullable Duration rtoAchieved, @Nullable Duration rpoAchieved,
        RecoveryObjectives objectives, @Nullable String cleanupProblem, String actor) {

    public enum Kind {
        /** With the backup key Gantry holds. */
        STANDARD,
        /** With nothing but the escrowed key and its passphrase: proves the escrow works. */
        ESCROW
    }

    public DrillReport {
        checks = List.copyOf(checks);
    }
}
