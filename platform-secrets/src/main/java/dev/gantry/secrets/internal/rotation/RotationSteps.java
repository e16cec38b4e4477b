package dev.gantry.secrets.internal.rotation;

import dev.gantry.domain.NotFoundException;
import dev.gantry.domain.audit.AuditOutcome;
import dev.gantry.domain.audit.AuditRecord;
import dev.gantry.domain.audit.AuditTrail;
import dev.gantry.secrets.RotationFailing;
import dev.gantry.secrets.RotationOutcome;
import dev.gantry.secrets.SecretRotated;
import dev.gantry.secrets.SecretValue;
import dev.gantry.secrets.StageLabel;
import dev.gantry.secrets.internal.Actors;
import dev.gantry.secrets.internal.crypto.RootKeyring;
import dev.gantry.secrets.internal.seal.SealState;
import dev.gantry.secrets.internal.store.SecretEntity;
import dev.gantry.secrets.internal.store.SecretVersionEntity;
import dev.gantry.secrets.internal.store.SecretVersions;
import dev.gantry.secrets.internal.store.Secrets;
import dev.gantry.secrets.internal.store.StageLabels;
import dev.gantry.secrets.internal.store.VersionStore;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of a rotation, each in a transaction of its own that commits the step, its audit entry and any event
 * together, so that whatever a node has done to a target is on record before the next step starts.
 */
@Component
public class RotationSteps {

    private final Secrets secrets;
    private final SecretVersions versions;
    private final VersionStore store;
    private final StageLabels labels;
    private final RotationStates states;
    private final SealState seal;
    private final JdbcTemplate jdbc;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RotationSteps(Secrets secrets, SecretVersions versions, VersionStore store, StageLabels labels,
            RotationStates states, SealState seal, JdbcTemplate jdbc, AuditTrail audit,
            ApplicationEventPublisher events, Clock clock) {
        this.secrets = secrets;
        this.versions = versions;
        this.store = store;
        this.labels = labels;
        this.states = states;
        this.seal = seal;
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Creates the secret's state row if missing; two nodes racing here is fine, one insert wins. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void ensureState(UUID secretId) {
        // A plain insert: merging a new entity over a row another node just created would wipe its claim.
        jdbc.update("insert into secret_rotation (secret_id, consecutive_failures, failing_notified) "
                + "select ?, 0, false where not exists (select 1 from secret_rotation where secret_id = ?)",
                secretId, secretId);
    }

    /** Takes the secret for {@code lease} unless another node holds an unexpired claim. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<Claim> claim(UUID secretId, String path, Duration lease) {
        Instant now = clock.instant();
        String token = UUID.randomUUID().toString();
        int taken = jdbc.update("update secret_rotation set claim_token = ?, claimed_until = ? where secret_id = ? "
                + "and (claimed_until is null or claimed_until <= ?)",
                token, Timestamp.from(now.plus(lease)), secretId, Timestamp.from(now));
        return taken == 1 ? Optional.of(new Claim(secretId, path, token)) : Optional.empty();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void release(Claim claim) {
        jdbc.update("update secret_rotation set claim_token = null, claimed_until = null "
                + "where secret_id = ? and claim_token = ?", claim.secretId(), claim.token());
    }

    /** Values are decrypted here without counting as reads: rotation is not a consumer of the credential. */
    @Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
    public Material load(Claim claim) {
        SecretEntity secret = secrets.findById(claim.secretId()).orElseThrow(() -> new NotFoundException(
                "secret " + claim.path()));
        RotationStateEntity state = states.findById(claim.secretId()).orElseThrow();
        RootKeyring keyring = seal.keyring();
        Map<StageLabel, Long> staged = labels.all(secret.id());
        Long currentNumber = staged.get(StageLabel.CURRENT);
        Long pendingNumber = staged.get(StageLabel.PENDING);
        SecretVersionEntity current = currentNumber == null ? null
                : versions.findBySecretIdAndVersion(secret.id(), currentNumber).orElse(null);
        Long pendingVersion = state.pendingVersion();
        SecretVersionEntity pending = pendingVersion == null ? null
                : versions.findBySecretIdAndVersion(secret.id(), pendingVersion).orElse(null);
        return new Material(secret.path(), currentNumber == null ? 0 : currentNumber,
                current == null ? null : current.currentSince(), value(keyring, secret, current), pendingNumber,
                pending == null || pending.destroyed() ? Optional.empty() : value(keyring, secret, pending),
                state.step(), pendingVersion, state.rotator());
    }

    /** Writes the candidate as PENDING; from here on the target may change, so convergence tests both. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public long stage(Claim claim, SecretValue candidate, String rotator, String trigger, @Nullable String rule,
            Duration lease) {
        RotationStateEntity state = owned(claim, lease);
        SecretEntity secret = lock(claim);
        if (labels.version(secret.id(), StageLabel.PENDING).isPresent()) {
            throw new IllegalStateException("a candidate of " + claim.path() + " is already pending");
        }
        byte[] plaintext = candidate.utf8();
        try {
            SecretVersionEntity written = store.appendCandidate(secret, seal.keyring(), plaintext, actor());
            state.begin(written.version(), rotator, clock.instant());
            Map<String, String> details = details(claim, written.version());
            details.put("rotator", rotator);
            details.put("trigger", trigger);
            if (rule != null) {
                details.put("rule", rule);
            }
            audit.record(AuditRecord.success(actor(), "secret.rotation.created", target(claim), details));
            return written.version();
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void reached(Claim claim, long version, RotationStep step, Duration lease) {
        RotationStateEntity state = owned(claim, lease);
        if (state.pendingVersion() == null || state.pendingVersion() != version) {
            throw new ClaimLostException(claim.path());
        }
        state.reached(step);
        audit.record(AuditRecord.success(actor(), step == RotationStep.SET ? "secret.rotation.set"
                : "secret.rotation.tested", target(claim), details(claim, version)));
    }

    /**
     * Moves the labels: the candidate becomes CURRENT, the old CURRENT PREVIOUS and waits for revocation.
     *
     * @throws SupersededException if a write replaced the candidate meanwhile
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public RotationOutcome.Rotated finish(Claim claim, long version, @Nullable Instant expiry, @Nullable String rule,
            Retirement retirement, Duration lease, String how) {
        RotationStateEntity state = owned(claim, lease);
        SecretEntity secret = lock(claim);
        if (labels.version(secret.id(), StageLabel.PENDING).orElse(-1) != version) {
            throw new SupersededException();
        }
        SecretVersionEntity candidate = versions.findBySecretIdAndVersion(secret.id(), version).orElseThrow();
        OptionalLong previous = store.promote(secret, candidate);
        Instant now = clock.instant();
        previous.ifPresent(old -> jdbc.update("insert into secret_retired_version (secret_id, version, rotator, "
                + "retired_at, revoke_after, quiet_period, revoked_at, attempts, last_failure) "
                + "values (?, ?, ?, ?, ?, ?, null, 0, null)", secret.id(), old, retirement.rotator(),
                Timestamp.from(now), Timestamp.from(now.plus(retirement.grace())), retirement.quiet().toString()));
        state.completed(now, expiry, rule);
        Map<String, String> details = details(claim, version);
        previous.ifPresent(old -> details.put("previousVersion", Long.toString(old)));
        details.put("how", how);
        if (rule != null) {
            details.put("rule", rule);
        }
        audit.record(AuditRecord.success(actor(), "secret.rotation.finished", target(claim), details));
        Long previousVersion = previous.isPresent() ? previous.getAsLong() : null;
        events.publishEvent(new SecretRotated(claim.path(), version, previousVersion, now, rule));
        return new RotationOutcome.Rotated(claim.path(), version, previousVersion, now);
    }

    /**
     * CURRENT stays; the candidate, if there is one, is marked FAILED. The streak grows, the next attempt backs
     * off, and reaching the threshold publishes {@link RotationFailing} once.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public RotationOutcome.Failed fail(Claim claim, @Nullable Long version, String step, String reason,
            String target, Instant nextAttempt, int threshold) {
        RotationStateEntity state = states.findById(claim.secretId()).orElseThrow();
        if (!claim.token().equals(state.claimToken())) {
            throw new ClaimLostException(claim.path());
        }
        SecretEntity secret = lock(claim);
        failCandidate(secret, version);
        Instant now = clock.instant();
        boolean alarm = state.failed(now, reason, nextAttempt, threshold);
        Map<String, String> details = version == null ? details(claim) : details(claim, version);
        details.put("step", step);
        details.put("reason", reason);
        details.put("target", target);
        details.put("consecutiveFailures", Integer.toString(state.consecutiveFailures()));
        audit.record(new AuditRecord(actor(), "secret.rotation.failed", target(claim), AuditOutcome.FAILURE,
                details));
        if (alarm) {
            events.publishEvent(new RotationFailing(claim.path(), state.consecutiveFailures(), reason, now,
                    nextAttempt));
        }
        return new RotationOutcome.Failed(claim.path(), step, reason, state.consecutiveFailures(), nextAttempt);
    }

    /** Drops the candidate (FAILED mark, CURRENT untouched) without counting it against the target. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void abandon(Claim claim, long version, String why) {
        RotationStateEntity state = states.findById(claim.secretId()).orElseThrow();
        if (!claim.token().equals(state.claimToken())) {
            throw new ClaimLostException(claim.path());
        }
        SecretEntity secret = lock(claim);
        failCandidate(secret, version);
        state.abandoned();
        Map<String, String> details = details(claim, version);
        details.put("reason", why);
        audit.record(AuditRecord.success(actor(), "secret.rotation.abandoned", target(claim), details));
    }

    /** A step that is recorded but changes nothing (a finish hook that failed, a convergence decision). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void note(Claim claim, String action, AuditOutcome outcome, Map<String, String> extra) {
        Map<String, String> details = details(claim);
        details.putAll(extra);
        audit.record(new AuditRecord(actor(), action, target(claim), outcome, details));
    }

    /** A replaced version's value for revoking it; soft-deleted still counts, destroyed is gone. */
    @Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
    public Optional<SecretValue> versionValue(Claim claim, long version) {
        SecretEntity secret = secrets.findById(claim.secretId()).orElseThrow();
        SecretVersionEntity stored = versions.findBySecretIdAndVersion(secret.id(), version).orElse(null);
        if (stored == null || stored.destroyed()) {
            return Optional.empty();
        }
        byte[] plaintext = store.decrypt(seal.keyring(), secret, stored);
        try {
            return Optional.of(SecretValue.fromUtf8(plaintext));
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void revoked(Claim claim, long version, String how) {
        jdbc.update("update secret_retired_version set revoked_at = ?, attempts = attempts + 1, last_failure = null "
                + "where secret_id = ? and version = ?", Timestamp.from(clock.instant()), claim.secretId(), version);
        // Its pending revocation may have been all that kept the version's value: writes prune only what they free.
        secrets.lockById(claim.secretId()).ifPresent(store::prune);
        Map<String, String> details = details(claim, version);
        details.put("how", how);
        audit.record(AuditRecord.success(actor(), "secret.rotation.previous-revoked", target(claim), details));
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void revokeFailed(Claim claim, long version, String reason) {
        jdbc.update("update secret_retired_version set attempts = attempts + 1, last_failure = ? "
                + "where secret_id = ? and version = ?", reason, claim.secretId(), version);
        Map<String, String> details = details(claim, version);
        details.put("reason", reason);
        audit.record(new AuditRecord(actor(), "secret.rotation.revoke-failed", target(claim), AuditOutcome.FAILURE,
                details));
    }

    private void failCandidate(SecretEntity secret, @Nullable Long version) {
        if (version == null) {
            return;
        }
        versions.findBySecretIdAndVersion(secret.id(), version).ifPresent(candidate -> store.fail(secret, candidate));
    }

    private RotationStateEntity owned(Claim claim, Duration lease) {
        RotationStateEntity state = states.findById(claim.secretId()).orElseThrow();
        if (!claim.token().equals(state.claimToken())) {
            throw new ClaimLostException(claim.path());
        }
        state.extendClaim(clock.instant().plus(lease));
        return state;
    }

    private SecretEntity lock(Claim claim) {
        return secrets.lockById(claim.secretId()).orElseThrow(() -> new NotFoundException("secret " + claim.path()));
    }

    private Optional<SecretValue> value(RootKeyring keyring, SecretEntity secret,
            @Nullable SecretVersionEntity version) {
        if (version == null || !version.readable()) {
            return Optional.empty();
        }
        byte[] plaintext = store.decrypt(keyring, secret, version);
        try {
            return Optional.of(SecretValue.fromUtf8(plaintext));
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    private Map<String, String> details(Claim claim) {
        Map<String, String> details = new HashMap<>();
        details.put("pathHmac", seal.pathHmac().of(claim.path()));
        return details;
    }

    private Map<String, String> details(Claim claim, long version) {
        Map<String, String> details = details(claim);
        details.put("version", Long.toString(version));
        return details;
    }

    private static String target(Claim claim) {
        return "secret:" + claim.path();
    }

    private static String actor() {
        return Actors.current("system:secret-rotation");
    }

    /** Who revokes a replaced version, and when at the earliest. */
    public record Retirement(String rotator, Duration grace, Duration quiet) {
    }

    /** A write replaced the candidate while it was being rotated in. */
    public static class SupersededException extends RuntimeException {

        public SupersededException() {
            super("a write replaced the candidate while it was being rotated in");
        }
    }
}
