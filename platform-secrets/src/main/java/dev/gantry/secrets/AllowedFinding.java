package dev.gantry.secrets;

import java.time.Instant;

/** A finding that later scans do not report, and why. */
public record AllowedFinding(String fingerprint, String reason, Instant createdAt, String createdBy) {
}
