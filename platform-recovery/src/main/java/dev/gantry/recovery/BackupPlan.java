package dev.gantry.recovery;

import java.time.Instant;
import java.util.UUID;

/** A stored backup plan with the objectives in force for it (its own overrides, else the active policy pack's). */
public record BackupPlan(UUID id, BackupPlanDraft draft, RecoveryObjectives objectives, boolean enabled,
        Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, long version) {
}
