package dev.gantry.secrets;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One secret's rotation at a glance; never a value.
 *
 * @param policyScope   null when only an expiry set by hand covers the secret
 * @param rotator       the policy's rotator kind, or {@code manual}
 * @param lastRotatedAt when the CURRENT version became current (the actual completion of the last rotation)
 * @param nextDueAt     when it is due next; null for manual secrets
 * @param expiresAt     when the CURRENT credential stops working or must have been replaced: an explicit expiry,
 *                      the validity of a certificate, or for manual secrets the last change plus the interval
 * @param rule          the policy pack rule the interval complies with, e.g. {@code acme@1.0.0#rotate}
 */
public record RotationStatus(String path, @Nullable RotationScope policyScope, @Nullable String policySelector,
        String rotator,
        RotationState state, long currentVersion, @Nullable Long pendingVersion, @Nullable Long previousVersion,
        @Nullable Instant lastRotatedAt, @Nullable Instant nextDueAt, int consecutiveFailures,
        @Nullable Instant nextAttemptAt, @Nullable String lastFailure, @Nullable Instant expiresAt,
        @Nullable String rule) {
}
