package dev.gantry.recovery;

import java.time.Duration;
import java.util.UUID;

/** A drill restored and validated the data, but took longer than the recovery time objective. */
public record RtoBreached(UUID drillId, UUID drillPlanId, UUID backupPlanId, String serviceId, Duration objective,
        Duration achieved) {
}
