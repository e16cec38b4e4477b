package dev.gantry.recovery;

import java.util.UUID;

/**
 * A drill did not prove the backup restorable: a check failed ({@code verdict} FAILED) or the validation window
 * ran out (TIMED_OUT) or the node running it stopped (INTERRUPTED). {@code firstFailedCheck} names the check and what it found, never data or secrets.
 */
public record DrillFailed(UUID drillId, UUID drillPlanId, UUID backupPlanId, String serviceId, String verdict,
        String firstFailedCheck) {
}
