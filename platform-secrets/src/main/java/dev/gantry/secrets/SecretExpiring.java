package dev.gantry.secrets;

import java.time.Duration;
import java.time.Instant;

/**
 * A secret expires within {@code leadTime} (one of {@code gantry.secrets.rotation.expiry-reminders}); published
 * once per secret, expiry and lead time, whichever node notices first.
 */
public record SecretExpiring(String path, Instant expiresAt, Duration leadTime) {
}
