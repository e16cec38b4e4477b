package dev.gantry.secrets.internal.rotation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One secret's rotation: the candidate in flight, the claim, the failure streak and expiry. */
@Entity
@Table(name = "secret_rotation")
public class RotationStateEntity {

    @Id
    @Column(name = "secret_id")
    private UUID secretId;

    @Enumerated(EnumType.STRING)
    private @Nullable RotationStep step;

    @Column(name = "pending_version")
    private @Nullable Long pendingVersion;

    private @Nullable String rotator;

    @Column(name = "started_at")
    private @Nullable Instant startedAt;

    @Column(name = "claim_token")
    private @Nullable String claimToken;

    @Column(name = "claimed_until")
    private @Nullable Instant claimedUntil;

    @Column(name = "consecutive_failures")
    private int consecutiveFailures;

    @Column(name = "next_attempt_at")
    private @Nullable Instant nextAttemptAt;

    @Column(name = "last_failure_at")
    private @Nullable Instant lastFailureAt;

    @Column(name = "last_failure")
    private @Nullable String lastFailure;

    @Column(name = "failing_notified")
    private boolean failingNotified;

    @Column(name = "last_completed_at")
    private @Nullable Instant lastCompletedAt;

    @Column(name = "rule_reference")
    private @Nullable String ruleReference;

    @Column(name = "expires_at")
    private @Nullable Instant expiresAt;

    @Column(name = "expires_version")
    private @Nullable Long expiresVersion;

    @Column(name = "current_expires_at")
    private @Nullable Instant currentExpiresAt;

    protected RotationStateEntity() {
        this.secretId = new UUID(0, 0);
    }

    public RotationStateEntity(UUID secretId) {
        this.secretId = secretId;
    }

    public UUID secretId() {
        return secretId;
    }

    public @Nullable RotationStep step() {
        return step;
    }

    public @Nullable Long pendingVersion() {
        return pendingVersion;
    }

    public @Nullable String rotator() {
        return rotator;
    }

    public @Nullable String claimToken() {
        return claimToken;
    }

    public @Nullable Instant claimedUntil() {
        return claimedUntil;
    }

    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    public @Nullable Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public @Nullable String lastFailure() {
        return lastFailure;
    }

    public @Nullable Instant lastCompletedAt() {
        return lastCompletedAt;
    }

    public @Nullable String ruleReference() {
        return ruleReference;
    }

    public @Nullable Instant expiresAt() {
        return expiresAt;
    }

    public @Nullable Instant currentExpiresAt() {
        return currentExpiresAt;
    }

    public void extendClaim(Instant until) {
        claimedUntil = until;
    }

    public void begin(long version, String rotatorKind, Instant now) {
        step = RotationStep.SETTING;
        pendingVersion = version;
        rotator = rotatorKind;
        startedAt = now;
    }

    public void reached(RotationStep reached) {
        step = reached;
    }

    public void completed(Instant now, @Nullable Instant expiry, @Nullable String rule) {
        clearPending();
        consecutiveFailures = 0;
        nextAttemptAt = null;
        failingNotified = false;
        lastCompletedAt = now;
        currentExpiresAt = expiry;
        ruleReference = rule;
    }

    /** @return true the first time the streak reaches {@code threshold}: time to raise the alarm */
    public boolean failed(Instant now, String reason, Instant nextAttempt, int threshold) {
        clearPending();
        consecutiveFailures++;
        lastFailureAt = now;
        lastFailure = reason;
        nextAttemptAt = nextAttempt;
        if (consecutiveFailures >= threshold && !failingNotified) {
            failingNotified = true;
            return true;
        }
        return false;
    }

    /** The candidate is dropped without it counting against the target (superseded, or never set). */
    public void abandoned() {
        clearPending();
    }

    public void expireAt(@Nullable Instant expiry, long version) {
        expiresAt = expiry;
        expiresVersion = expiry == null ? null : version;
    }

    /** The expiry set by hand, if it was set for {@code currentVersion}. */
    public @Nullable Instant expiresAt(long currentVersion) {
        return expiresVersion != null && expiresVersion == currentVersion ? expiresAt : null;
    }

    public @Nullable Instant lastCompletedAtOrNull() {
        return lastCompletedAt;
    }

    public @Nullable Instant lastFailureAt() {
        return lastFailureAt;
    }

    private void clearPending() {
        step = null;
        pendingVersion = null;
        startedAt = null;
    }
}
