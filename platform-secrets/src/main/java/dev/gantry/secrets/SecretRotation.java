package dev.gantry.secrets;

import dev.gantry.domain.ConflictException;
import dev.gantry.domain.InvalidInputException;
import dev.gantry.domain.NotFoundException;
import dev.gantry.domain.audit.AuditOutcome;
import dev.gantry.domain.audit.AuditRecord;
import dev.gantry.domain.audit.AuditTrail;
import dev.gantry.secrets.SecretPermissions.Operation;
import dev.gantry.secrets.internal.Actors;
import dev.gantry.secrets.internal.rotation.Backoff;
import dev.gantry.secrets.internal.rotation.Claim;
import dev.gantry.secrets.internal.rotation.ClaimLostException;
import dev.gantry.secrets.internal.rotation.Material;
import dev.gantry.secrets.internal.rotation.Redaction;
import dev.gantry.secrets.internal.rotation.RotationPolicies;
import dev.gantry.secrets.internal.rotation.RotationPolicyEntity;
import dev.gantry.secrets.internal.rotation.RotationSchedule;
import dev.gantry.secrets.internal.rotation.RotationStateEntity;
import dev.gantry.secrets.internal.rotation.RotationStates;
import dev.gantry.secrets.internal.rotation.RotationStep;
import dev.gantry.secrets.internal.rotation.RotationSteps;
import dev.gantry.secrets.internal.rotation.RotationSteps.Retirement;
import dev.gantry.secrets.internal.rotation.RotatorRegistry;
import dev.gantry.secrets.internal.rotation.SecretRows;
import dev.gantry.secrets.internal.rotation.SecretRows.RetiredRow;
import dev.gantry.secrets.internal.rotation.SecretRows.SecretRow;
import dev.gantry.secrets.internal.seal.SealState;
import dev.gantry.secrets.internal.store.ReadTracker;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scheduled rotation that fails safe, in the four steps of AWS Secrets Manager: a candidate is created and
 * labelled PENDING, set on the target, tested, and only then labelled CURRENT (the old CURRENT becomes PREVIOUS)
 * in one transaction, so no reader ever gets a value the target does not accept. A failed set or test leaves
 * CURRENT as it was, marks the candidate FAILED, puts the target back on CURRENT if it can, and retries later with
 * a new candidate after an exponential, jittered back-off; a run of failures publishes {@link RotationFailing}.
 *
 * <p>Each step commits on its own with its audit entry (never a value). A node claims a secret before touching it,
 * so several nodes may call {@link #runDue()} at once; a node that died mid-rotation leaves a step on record, and
 * the next run (or start) after its claim lapsed tests the candidate and CURRENT against the target and keeps
 * whichever the target accepts. A replaced credential is revoked only after its grace period and once nobody
 * has read it for the quiet period.
 */
@Service
public class SecretRotation {

    private static final Logger log = LoggerFactory.getLogger(SecretRotation.class);
    private static final String SYSTEM = "system:secret-rotation";
    private static final String ADMIN = "ROLE_SECRETS_ADMIN";

    private final RotationPolicies policies;
    private final RotationStates states;
    private final RotationSteps steps;
    private final SecretRows rows;
    private final RotatorRegistry rotators;
    private final SecretVault vault;
    private final SealState seal;
    private final SecretPermissions permissions;
    private final AuditTrail audit;
    private final ReadTracker reads;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final RotationSchedule schedule;
    private final Backoff backoff;
    private final Duration lease;
    private final List<Duration> reminderLeads;

    SecretRotation(RotationPolicies policies, RotationStates states, RotationSteps steps, SecretRows rows,
            RotatorRegistry rotators, SecretVault vault, SealState seal, SecretPermissions permissions,
            AuditTrail audit, ReadTracker reads, JdbcTemplate jdbc, ApplicationEventPublisher events, Clock clock,
            RotationSchedule schedule, PlatformTransactionManager transactions,
            @Value("${gantry.secrets.rotation.retry.initial-delay:PT5M}") Duration initialDelay,
            @Value("${gantry.secrets.rotation.retry.max-delay:PT6H}") Duration maxDelay,
            @Value("${gantry.secrets.rotation.claim-lease:PT15M}") Duration lease,
            @Value("${gantry.secrets.rotation.expiry-reminders:P14D,P3D,P1D}") List<Duration> reminderLeads) {
        if (lease.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("gantry.secrets.rotation.claim-lease must be at least a minute");
        }
        this.policies = policies;
        this.states = states;
        this.steps = steps;
        this.rows = rows;
        this.rotators = rotators;
        this.vault = vault;
        this.seal = seal;
        this.permissions = permissions;
        this.audit = audit;
        this.reads = reads;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.schedule = schedule;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.backoff = new Backoff(initialDelay, maxDelay, new SecureRandom());
        this.lease = lease;
        this.reminderLeads = reminderLeads.stream().filter(lead -> !lead.isNegative())
                .sorted(Comparator.reverseOrder()).distinct().toList();
    }

    // ---- policies ---------------------------------------------------------------------------------------------

    /**
     * Creates or replaces the policy for its scope and selector. A rotator's parameters are checked by the rotator;
     * an interval longer than the active policy pack's maximum age is refused.
     */
    @Transactional(noRollbackFor = AccessDeniedException.class)
    @PreAuthorize("isAuthenticated()")
    public RotationPolicy setPolicy(RotationPolicy policy) {
        seal.keyring();
        permissions.require(Operation.CONFIGURE, policy.selector(), hmac(policy.selector()));
        if (!policy.manual()) {
            rotators.require(policy.rotator()).validate(policy.parameters());
        } else if (!policy.parameters().values().isEmpty()) {
            throw new InvalidInputException("parameters", "a manual policy takes no parameters");
        }
        schedule.requireWithinPack(policy);
        RotationInterval interval = policy.interval();
        Instant now = clock.instant();
        RotationPolicyEntity stored = policies.findByScopeAndSelector(policy.scope().name(), policy.selector())
                .map(existing -> {
                    existing.update(policy, now, actor());
                    return existing;
                })
                .orElseGet(() -> policies.save(new RotationPolicyEntity(policy, now, actor())));
        Map<String, String> details = new HashMap<>();
        details.put("pathHmac", hmac(policy.selector()));
        details.put("scope", policy.scope().name());
        details.put("rotator", policy.rotator());
        details.put("interval", interval == null ? "default" : interval.text());
        details.put("enabled", Boolean.toString(policy.enabled()));
        audit.record(AuditRecord.success(actor(), "secret.rotation.policy-set",
                policyTarget(policy.scope(), policy.selector()), details));
        return stored.toPolicy();
    }

    @Transactional(noRollbackFor = AccessDeniedException.class)
    @PreAuthorize("isAuthenticated()")
    public void removePolicy(RotationScope scope, String selector) {
        seal.keyring();
        String canonical = new RotationPolicy(scope, selector, RotationPolicy.MANUAL, RotatorParameters.none(),
                null, null, Duration.ZERO, Duration.ZERO, false).selector();
        permissions.require(Operation.CONFIGURE, canonical, hmac(canonical));
        RotationPolicyEntity existing = policies.findByScopeAndSelector(scope.name(), canonical)
                .orElseThrow(() -> new NotFoundException("rotation policy for " + canonical));
        policies.delete(existing);
        audit.record(AuditRecord.success(actor(), "secret.rotation.policy-removed", policyTarget(scope, canonical),
                Map.of("pathHmac", hmac(canonical), "scope", scope.name())));
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('SECRETS_ADMIN', 'ENGINEER', 'VIEWER')")
    public List<RotationPolicy> policies() {
        return allPolicies();
    }

    private List<RotationPolicy> allPolicies() {
        return policies.findAllByOrderByScopeAscSelectorAsc().stream().map(RotationPolicyEntity::toPolicy).toList();
    }

    /** The policy that governs {@code path}: its own, else the longest prefix that covers it. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('SECRETS_ADMIN', 'ENGINEER', 'VIEWER')")
    public Optional<RotationPolicy> policyFor(String path) {
        return Optional.ofNullable(RotationSchedule.governing(allPolicies(), SecretPath.parse(path).toString()));
    }

    /**
     * Sets when the CURRENT value of a secret Gantry cannot rotate stops working (a third party's key); null clears
     * it. It holds for the current version only: a new value needs its own expiry.
     */
    @Transactional(noRollbackFor = AccessDeniedException.class)
    @PreAuthorize("isAuthenticated()")
    public void setExpiry(String path, @Nullable Instant expiresAt) {
        String canonical = SecretPath.parse(path).toString();
        seal.keyring();
        permissions.require(Operation.WRITE, canonical, hmac(canonical));
        SecretRow row = row(canonical);
        ensureState(row);
        RotationStateEntity state = states.findById(row.id()).orElseThrow();
        state.expireAt(expiresAt, row.currentVersion());
        audit.record(AuditRecord.success(actor(), "secret.expiry.set", "secret:" + canonical, Map.of(
                "pathHmac", hmac(canonical), "version", Long.toString(row.currentVersion()),
                "expiresAt", expiresAt == null ? "none" : expiresAt.toString())));
    }

    // ---- running ----------------------------------------------------------------------------------------------

    /**
     * Rotates one secret now, whatever its schedule, window or back-off. Needs the rotate capability on it.
     *
     * @throws ConflictException (field {@code path}) if a rotation of it is running already
     * @throws InvalidInputException (field {@code path}) if no policy covers it or its policy is manual
     */
    @PreAuthorize("isAuthenticated()")
    public RotationOutcome rotateNow(String path) {
        String canonical = SecretPath.parse(path).toString();
        seal.keyring();
        // The denial is audited in a transaction of its own that must commit, so it is thrown only afterwards.
        boolean allowed = Boolean.TRUE.equals(ownTransaction.execute(status -> {
            try {
                permissions.require(Operation.ROTATE, canonical, hmac(canonical));
                return true;
            } catch (AccessDeniedException denied) {
                return false;
            }
        }));
        if (!allowed) {
            throw new AccessDeniedException("not allowed to rotate secrets");
        }
        RotationPolicy policy = RotationSchedule.governing(policies(), canonical);
        if (policy == null) {
            throw new InvalidInputException("path", "no rotation policy covers " + canonical);
        }
        if (policy.manual()) {
            throw new InvalidInputException("path", canonical + " is rotated by hand; set its expiry instead");
        }
        SecretRow row = row(canonical);
        Claim claim = claim(row).orElseThrow(() -> new ConflictException("path",
                "a rotation of " + canonical + " is running already"));
        RotationOutcome outcome;
        try {
            outcome = rotateClaimed(claim, policy, "manual");
        } catch (ClaimLostException lost) {
            throw new ConflictException("path", "another node took over the rotation of " + canonical);
        } catch (RuntimeException failed) {
            steps.release(claim);
            throw failed;
        }
        steps.release(claim);
        return outcome;
    }

    /**
     * Rotates every secret that is due and inside its window, after catching up with rotations a dead node left
     * half done; then revokes replaced credentials whose time has come and sends expiry reminders. Safe to call
     * from several nodes at once. The application's scheduler calls it as a system actor holding
     * {@code SECRETS_ADMIN}.
     *
     * @throws VaultSealedException while the vault is sealed
     */
    @PreAuthorize("hasRole('SECRETS_ADMIN')")
    public RotationRun runDue() {
        seal.keyring();
        int converged = convergeInterrupted();
        List<RotationPolicy> all = policies();
        Instant now = clock.instant();
        Map<UUID, RotationStateEntity> stateById = states.findAll().stream()
                .collect(Collectors.toMap(RotationStateEntity::secretId, Function.identity()));
        int rotated = 0;
        int failed = 0;
        int skipped = 0;
        for (SecretRow row : rows.under("")) {
            RotationPolicy policy = RotationSchedule.governing(all, row.path());
            if (policy == null || !schedule.isDue(row, policy, stateById.get(row.id()), now)) {
                continue;
            }
            Optional<Claim> claim = claim(row);
            if (claim.isEmpty()) {
                skipped++;
                continue;
            }
            try {
                // Another node may have rotated it between our listing and our claim: look again, claimed.
                SecretRow fresh = row(row.path());
                if (!schedule.isDue(fresh, policy, states.findById(row.id()).orElse(null), clock.instant())) {
                    skipped++;
                } else if (rotateClaimed(claim.get(), policy, "schedule") instanceof RotationOutcome.Rotated) {
                    rotated++;
                } else {
                    failed++;
                }
            } catch (ClaimLostException lost) {
                skipped++;
                continue;
            } catch (RuntimeException unexpected) {
                // One broken secret must not hold up the others; the rotation's own steps recorded what they did.
                log.warn("Rotation of a secret stopped on {}", unexpected.getClass().getName());
                failed++;
            }
            steps.release(claim.get());
        }
        int revoked = revokeDue();
        int reminders = remindExpiring();
        RotationRun run = new RotationRun(rotated, failed, converged, skipped, revoked, reminders);
        log.info("Secret rotation run: {}", run);
        return run;
    }

    /**
     * Resolves rotations left with a candidate in flight whose claim has lapsed (a node died between set and
     * finish): the candidate is promoted if the target accepts it, dropped if the target still accepts CURRENT.
     * Runs at start-up and at the beginning of every {@link #runDue()}.
     *
     * @return how many were resolved
     */
    @PreAuthorize("hasRole('SECRETS_ADMIN')")
    public int convergeInterrupted() {
        seal.keyring();
        int resolved = 0;
        List<RotationPolicy> all = policies();
        for (RotationStateEntity state : states.findByStepIsNotNull()) {
            Optional<SecretRow> row = rowById(state.secretId());
            if (row.isEmpty()) {
                continue;
            }
            Optional<Claim> claim = steps.claim(state.secretId(), row.get().path(), lease);
            if (claim.isEmpty()) {
                continue;
            }
            try {
                Material material = steps.load(claim.get());
                try {
                    if (material.step() != null) {
                        converge(claim.get(), material, RotationSchedule.governing(all, row.get().path()));
                        resolved++;
                    }
                } finally {
                    material.wipe();
                }
            } catch (ClaimLostException lost) {
                continue;
            } catch (RuntimeException unexpected) {
                log.warn("Converging an interrupted rotation stopped on {}", unexpected.getClass().getName());
            }
            steps.release(claim.get());
        }
        return resolved;
    }

    // ---- queries ----------------------------------------------------------------------------------------------

    /** The rotation status of every secret under {@code prefix} that a policy or an expiry covers, by path. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<RotationStatus> statuses(String prefix) {
        seal.keyring();
        // Like a listing of the vault: a caller sees the status of exactly the paths they may list.
        SecretPermissions.Caller caller = permissions.caller();
        List<RotationPolicy> all = allPolicies();
        Map<UUID, RotationStateEntity> stateById = states.findAll().stream()
                .collect(Collectors.toMap(RotationStateEntity::secretId, Function.identity()));
        Instant now = clock.instant();
        List<RotationStatus> result = new ArrayList<>();
        for (SecretRow row : rows.under(prefix.strip())) {
            if (!caller.allows(SecretCapability.LIST, row.path())) {
                continue;
            }
            RotationStatus status = schedule.status(row, RotationSchedule.governing(all, row.path()),
                    stateById.get(row.id()), now);
            if (status != null) {
                result.add(status);
            }
        }
        return result;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public RotationStatus status(String path) {
        String canonical = SecretPath.parse(path).toString();
        return statuses(canonical).stream().filter(status -> status.path().equals(canonical)).findFirst()
                .orElseThrow(() -> new NotFoundException("rotation status of " + canonical
                        + " (no policy or expiry covers it)"));
    }

    /**
     * Every version of one secret with its staging label, rotation times and last read, newest first. Needs the
     * list capability on it, like its metadata.
     */
    @Transactional(readOnly = true, noRollbackFor = AccessDeniedException.class)
    @PreAuthorize("isAuthenticated()")
    public List<VersionActivity> activity(String path) {
        String canonical = SecretPath.parse(path).toString();
        seal.keyring();
        permissions.require(Operation.LIST, canonical, hmac(canonical));
        SecretRow row = row(canonical);
        return jdbc.query("select v.version, s.label, v.created_at, v.created_by, v.current_since, v.failed_at, "
                + "v.deleted_at, v.destroyed_at, r.last_read_at from secret_version v "
                + "left join secret_stage s on s.secret_id = v.secret_id and s.version = v.version "
                + "left join secret_version_read r on r.version_id = v.id "
                + "where v.secret_id = ? order by v.version desc", (rs, n) -> {
                    String label = rs.getString("label");
                    Instant currentSince = instant(rs.getTimestamp("current_since"));
                    Instant failedAt = instant(rs.getTimestamp("failed_at"));
                    // The same order of precedence as the vault's own metadata.
                    VersionState state = rs.getTimestamp("destroyed_at") != null ? VersionState.DESTROYED
                            : failedAt != null ? VersionState.FAILED
                            : currentSince == null ? VersionState.PENDING
                            : rs.getTimestamp("deleted_at") != null ? VersionState.DELETED
                            : VersionState.ACTIVE;
                    return new VersionActivity(rs.getLong("version"),
                            label == null ? null : StageLabel.valueOf(label), state, rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                            currentSince, failedAt, instant(rs.getTimestamp("last_read_at")));
                }, row.id());
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** Due, failing, and expiring within {@code horizon} (or expired): the dashboard's three lists. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public RotationOverview overview(Duration horizon) {
        List<RotationStatus> all = statuses("");
        Instant until = clock.instant().plus(horizon);
        return new RotationOverview(
                all.stream().filter(status -> status.state() == RotationState.DUE).toList(),
                all.stream().filter(status -> status.consecutiveFailures() > 0).toList(),
                all.stream().filter(status -> status.expiresAt() != null && !status.expiresAt().isAfter(until))
                        .sorted(Comparator.comparing(RotationStatus::expiresAt)).toList());
    }

    // ---- one rotation -----------------------------------------------------------------------------------------

    private RotationOutcome rotateClaimed(Claim claim, RotationPolicy policy, String trigger) {
        Material material = steps.load(claim);
        try {
            if (material.step() != null) {
                Optional<RotationOutcome> resolved = converge(claim, material, policy);
                if (resolved.isPresent()) {
                    return resolved.get();
                }
                material.wipe();
                material = steps.load(claim);
            }
            return rotate(claim, material, policy, trigger);
        } finally {
            material.wipe();
        }
    }

    private RotationOutcome rotate(Claim claim, Material material, RotationPolicy policy, String trigger) {
        RotationSchedule.Due due = schedule.due(policy, material.currentSince() == null ? clock.instant()
                : material.currentSince());
        Context context = new Context(claim.path(), policy.parameters(), material.current());
        Redaction redaction = new Redaction();
        material.current().ifPresent(redaction::hiding);
        SecretValue candidate = null;
        Long version = null;
        String step = "create";
        try {
            Rotator rotator = rotators.find(policy.rotator()).orElseThrow(() -> new RotationStepException(
                    "no rotator of kind " + policy.rotator() + " is installed"));
            candidate = rotator.createCandidate(context);
            redaction.hiding(candidate);
            context.withPending(Optional.of(candidate));
            version = steps.stage(claim, candidate, policy.rotator(), trigger, due.rule(), lease);
            step = "set";
            rotator.setOnTarget(context, candidate);
            steps.reached(claim, version, RotationStep.SET, lease);
            step = "test";
            rotator.test(context, candidate);
            steps.reached(claim, version, RotationStep.TESTED, lease);
            step = "finish";
            Instant expiry = rotator.expiryOf(candidate).orElse(null);
            RotationOutcome.Rotated rotated = steps.finish(claim, version, expiry, due.rule(),
                    new Retirement(policy.rotator(), policy.gracePeriod(), policy.quietPeriod()), lease, "tested");
            finishHook(claim, rotator, context, candidate, redaction);
            return rotated;
        } catch (ClaimLostException lost) {
            throw lost;
        } catch (RotationSteps.SupersededException superseded) {
            steps.abandon(claim, version == null ? 0 : version, "a write replaced the candidate");
            return failedWithoutCounting(claim, step, "a write replaced the candidate");
        } catch (RuntimeException failure) {
            String reason = redaction.reason(failure);
            String target = "untouched";
            if (version != null && !"create".equals(step)) {
                Rotator rotator = rotators.find(policy.rotator()).orElseThrow();
                target = putBackCurrent(rotator, context, material.current(), redaction);
            }
            int failures = states.findById(claim.secretId()).map(RotationStateEntity::consecutiveFailures)
                    .orElse(0) + 1;
            return steps.fail(claim, version, step, reason, target, backoff.next(clock.instant(), failures),
                    schedule.failuresBeforeAlert());
        } finally {
            if (candidate != null) {
                candidate.wipe();
            }
        }
    }

    /**
     * Catches up with a candidate a node left in flight. Promotes it if the target accepts it; drops it if the
     * target still accepts CURRENT (putting CURRENT back first if needed); otherwise counts a failure.
     *
     * @return the outcome if the candidate was promoted or the rotation failed; empty if it was dropped and the
     *         secret is back where it started
     */
    private Optional<RotationOutcome> converge(Claim claim, Material material, @Nullable RotationPolicy policy) {
        long version = material.pendingVersion() == null ? 0 : material.pendingVersion();
        if (material.pendingLabel() == null || material.pendingLabel() != version) {
            steps.abandon(claim, version, "a write replaced the candidate");
            return Optional.empty();
        }
        String kind = material.rotator() == null ? "" : material.rotator();
        RotatorParameters parameters = policy != null && policy.rotator().equals(kind) ? policy.parameters()
                : RotatorParameters.none();
        Context context = new Context(claim.path(), parameters, material.current()).withPending(material.pending());
        Redaction redaction = new Redaction();
        material.current().ifPresent(redaction::hiding);
        material.pending().ifPresent(redaction::hiding);
        Optional<Rotator> rotator = rotators.find(kind);
        if (rotator.isEmpty() || material.pending().isEmpty()) {
            return Optional.of(steps.fail(claim, version, "converge", rotator.isEmpty()
                    ? "no rotator of kind " + kind + " is installed" : "the candidate's value is gone",
                    "unverified", backoff.next(clock.instant(), 1), schedule.failuresBeforeAlert()));
        }
        Optional<String> pendingRefused = refusal(rotator.get(), context, material.pending().get(), redaction);
        if (pendingRefused.isEmpty()) {
            RotationSchedule.Due due = schedule.due(policy, clock.instant());
            Duration grace = policy == null ? Duration.ZERO : policy.gracePeriod();
            Duration quiet = policy == null ? Duration.ZERO : policy.quietPeriod();
            try {
                RotationOutcome.Rotated rotated = steps.finish(claim, version,
                        rotator.get().expiryOf(material.pending().get()).orElse(null), due.rule(),
                        new Retirement(kind, grace, quiet), lease, "converged: the target accepts the candidate");
                return Optional.of(rotated);
            } catch (RotationSteps.SupersededException superseded) {
                steps.abandon(claim, version, "a write replaced the candidate");
                return Optional.empty();
            }
        }
        String target = putBackCurrent(rotator.get(), context, material.current(), redaction);
        if (!target.startsWith("neither")) {
            steps.abandon(claim, version, "converged: " + target);
            return Optional.empty();
        }
        int failures = states.findById(claim.secretId()).map(RotationStateEntity::consecutiveFailures).orElse(0)
                + 1;
        return Optional.of(steps.fail(claim, version, "converge", "the target accepts neither the candidate ("
                + pendingRefused.get() + ") nor CURRENT", target, backoff.next(clock.instant(), failures),
                schedule.failuresBeforeAlert()));
    }

    /** After a failed set or test: make sure the target still accepts CURRENT, setting it again if needed. */
    private String putBackCurrent(Rotator rotator, Context context, Optional<SecretValue> current,
            Redaction redaction) {
        if (current.isEmpty()) {
            return "neither: CURRENT has no value to put back";
        }
        if (refusal(rotator, context, current.get(), redaction).isEmpty()) {
            return "the target still accepts CURRENT";
        }
        try {
            rotator.setOnTarget(context, current.get());
            rotator.test(context, current.get());
            return "CURRENT was set on the target again";
        } catch (RuntimeException failed) {
            return "neither: CURRENT could not be put back (" + redaction.reason(failed) + ")";
        }
    }

    private static Optional<String> refusal(Rotator rotator, Context context, SecretValue value,
            Redaction redaction) {
        try {
            rotator.test(context, value);
            return Optional.empty();
        } catch (RuntimeException refused) {
            return Optional.of(redaction.reason(refused));
        }
    }

    private void finishHook(Claim claim, Rotator rotator, Context context, SecretValue candidate,
            Redaction redaction) {
        try {
            rotator.finish(context, candidate);
        } catch (RuntimeException failed) {
            steps.note(claim, "secret.rotation.finish-hook-failed", AuditOutcome.FAILURE,
                    Map.of("reason", redaction.reason(failed)));
        }
    }

    private RotationOutcome failedWithoutCounting(Claim claim, String step, String reason) {
        RotationStateEntity state = states.findById(claim.secretId()).orElseThrow();
        return new RotationOutcome.Failed(claim.path(), step, reason, state.consecutiveFailures(), clock.instant());
    }

    // ---- revocation and reminders -----------------------------------------------------------------------------

    private int revokeDue() {
        Instant now = clock.instant();
        List<RotationPolicy> all = policies();
        int revoked = 0;
        for (RetiredRow retired : rows.awaitingRevocation(now)) {
            Instant lastRead = retired.lastReadAt();
            if (lastRead != null && lastRead.plus(retired.quiet()).plus(reads.granularity()).isAfter(now)) {
                continue;
            }
            Optional<Claim> claim = steps.claim(retired.secretId(), retired.path(), lease);
            if (claim.isEmpty()) {
                continue;
            }
            try {
                if (revoke(claim.get(), retired, RotationSchedule.governing(all, retired.path()))) {
                    revoked++;
                }
            } catch (ClaimLostException lost) {
                continue;
            }
            steps.release(claim.get());
        }
        return revoked;
    }

    private boolean revoke(Claim claim, RetiredRow retired, @Nullable RotationPolicy policy) {
        if (retired.valueGone()) {
            steps.revoked(claim, retired.version(), "nothing to revoke: the value was destroyed");
            return true;
        }
        Optional<Rotator> rotator = rotators.find(retired.rotator());
        if (rotator.isEmpty()) {
            steps.revokeFailed(claim, retired.version(), "no rotator of kind " + retired.rotator() + " is installed");
            return false;
        }
        RotatorParameters parameters = policy != null && policy.rotator().equals(retired.rotator())
                ? policy.parameters() : RotatorParameters.none();
        Optional<SecretValue> previous = steps.versionValue(claim, retired.version());
        Redaction redaction = new Redaction();
        previous.ifPresent(redaction::hiding);
        try {
            if (previous.isEmpty()) {
                steps.revoked(claim, retired.version(), "nothing to revoke: the value is gone");
                return true;
            }
            rotator.get().revokePrevious(new Context(claim.path(), parameters, Optional.empty()), previous.get());
            steps.revoked(claim, retired.version(), "revoked at the target");
            return true;
        } catch (RuntimeException failed) {
            steps.revokeFailed(claim, retired.version(), redaction.reason(failed));
            return false;
        } finally {
            previous.ifPresent(SecretValue::wipe);
        }
    }

    private int remindExpiring() {
        if (reminderLeads.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        List<RotationPolicy> all = policies();
        Map<UUID, RotationStateEntity> stateById = states.findAll().stream()
                .collect(Collectors.toMap(RotationStateEntity::secretId, Function.identity()));
        int sent = 0;
        for (SecretRow row : rows.under("")) {
            Instant expiry = schedule.expiry(row, RotationSchedule.governing(all, row.path()),
                    stateById.get(row.id()));
            if (expiry == null) {
                continue;
            }
            List<Duration> reached = reminderLeads.stream()
                    .filter(lead -> !now.isBefore(expiry.minus(lead))).toList();
            if (reached.isEmpty()) {
                continue;
            }
            try {
                Boolean published = ownTransaction.execute(status -> remind(row, expiry, reached, now));
                if (Boolean.TRUE.equals(published)) {
                    sent++;
                }
            } catch (DataIntegrityViolationException anotherNodeWasFirst) {
                continue;
            }
        }
        return sent;
    }

    /** Records every lead time reached and announces the tightest new one; a lead time is announced once. */
    private boolean remind(SecretRow row, Instant expiry, List<Duration> reached, Instant now) {
        Set<Long> done = new HashSet<>(jdbc.queryForList("select lead_seconds from secret_expiry_reminder "
                + "where secret_id = ? and expires_at = ?", Long.class, row.id(), Timestamp.from(expiry)));
        List<Duration> fresh = reached.stream().filter(lead -> !done.contains(lead.toSeconds())).toList();
        if (fresh.isEmpty()) {
            return false;
        }
        for (Duration lead : fresh) {
            jdbc.update("insert into secret_expiry_reminder (secret_id, expires_at, lead_seconds, sent_at) "
                    + "values (?, ?, ?, ?)", row.id(), Timestamp.from(expiry), lead.toSeconds(), Timestamp.from(now));
        }
        Duration tightest = fresh.get(fresh.size() - 1);
        audit.record(AuditRecord.success(actor(), "secret.expiry.reminded", "secret:" + row.path(), Map.of(
                "pathHmac", hmac(row.path()), "expiresAt", expiry.toString(), "leadTime", tightest.toString())));
        events.publishEvent(new SecretExpiring(row.path(), expiry, tightest));
        return true;
    }

    // ---- plumbing ---------------------------------------------------------------------------------------------

    private Optional<Claim> claim(SecretRow row) {
        ensureState(row);
        return steps.claim(row.id(), row.path(), lease);
    }

    private void ensureState(SecretRow row) {
        try {
            steps.ensureState(row.id());
        } catch (DataIntegrityViolationException createdByAnotherNode) {
            // the row exists now, which is all we wanted
        }
    }

    private SecretRow row(String canonical) {
        return rows.under(canonical).stream().filter(row -> row.path().equals(canonical)).findFirst()
                .orElseThrow(() -> new NotFoundException("secret " + canonical));
    }

    private Optional<SecretRow> rowById(UUID id) {
        return rows.under("").stream().filter(row -> row.id().equals(id)).findFirst();
    }

    private String hmac(String text) {
        return seal.pathHmac().of(text);
    }

    private static String policyTarget(RotationScope scope, String selector) {
        return scope == RotationScope.SECRET ? "secret:" + selector : "secrets:" + selector;
    }

    private static String actor() {
        return Actors.current(SYSTEM);
    }

    /** What a rotator sees while it rotates one secret. */
    private final class Context implements RotationContext {

        private final String path;
        private final RotatorParameters parameters;
        private final Optional<SecretValue> current;
        private volatile Optional<SecretValue> pending = Optional.empty();

        Context(String path, RotatorParameters parameters, Optional<SecretValue> current) {
            this.path = path;
            this.parameters = parameters;
            this.current = current;
        }

        Context withPending(Optional<SecretValue> candidate) {
            pending = candidate;
            return this;
        }

        @Override
        public Optional<SecretValue> pending() {
            return pending.map(value -> SecretValue.of(value.chars()));
        }

        @Override
        public String path() {
            return path;
        }

        @Override
        public RotatorParameters parameters() {
            return parameters;
        }

        @Override
        public Optional<SecretValue> current() {
            return current.map(value -> SecretValue.of(value.chars()));
        }

        @Override
        public SecretValue secret(String other) {
            return Actors.runAsSystem(SYSTEM, () -> vault.read(other).value(), ADMIN);
        }

        @Override
        public SecretValue secretOrCreate(String other, Supplier<SecretValue> create) {
            return Actors.runAsSystem(SYSTEM, () -> {
                try {
                    return vault.read(other).value();
                } catch (NotFoundException absent) {
                    SecretValue created = create.get();
                    try {
                        vault.write(other, created, 0L);
                        return created;
                    } catch (ConflictException createdMeanwhile) {
                        created.wipe();
                        return vault.read(other).value();
                    }
                }
            }, ADMIN);
        }

        @Override
        public Instant now() {
            return clock.instant();
        }
    }
}
