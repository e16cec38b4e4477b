package dev.gantry.secrets;

import java.time.Instant;

/**
 * A secret's rotation failed {@code consecutiveFailures} times in a row, reaching the alert threshold
 * ({@code gantry.secrets.rotation.failures-before-alert}); published once per run of failures. CURRENT still
 * serves. The reason has any value blanked out.
 */
public record RotationFailing(String path, int consecutiveFailures, String lastFailure, Instant failedAt,
        Instant nextAttemptAt) {
}
