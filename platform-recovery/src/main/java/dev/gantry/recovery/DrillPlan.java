package dev.gantry.recovery;

import java.time.Instant;
import java.util.UUID;

/** A stored drill plan. */
public record DrillPlan(UUID id, DrillPlanDraft draft, boolean enabled, Instant createdAt, String createdBy,
        Instant updatedAt, String updatedBy, long version) {
}
