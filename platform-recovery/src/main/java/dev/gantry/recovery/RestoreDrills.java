package dev.gantry.recovery;

import dev.gantry.domain.ConflictException;
import dev.gantry.domain.NotFoundException;
import dev.gantry.domain.audit.AuditOutcome;
import dev.gantry.domain.audit.AuditRecord;
import dev.gantry.domain.audit.AuditTrail;
import dev.gantry.recovery.internal.Actors;
import dev.gantry.recovery.internal.RecoveryPermissions;
import dev.gantry.recovery.internal.RecoveryPermissions.Operation;
import dev.gantry.recovery.internal.RecoveryPorts;
import dev.gantry.recovery.internal.RecoverySettings;
import dev.gantry.recovery.internal.Workbench;
import dev.gantry.recovery.internal.drill.Archives;
import dev.gantry.recovery.internal.drill.PointSelection;
import dev.gantry.recovery.internal.drill.RestoreRun;
import dev.gantry.recovery.internal.keys.PassphraseEscrow;
import dev.gantry.recovery.internal.store.DrillStore;
import dev.gantry.recovery.internal.store.PlanStore;
import dev.gantry.recovery.internal.store.PointStore;
import dev.gantry.recovery.internal.target.ScratchTarget;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs restore drills: picks a complete backup, restores it into a new scratch target within the plan's window,
 * runs the checks, removes the target, and records the evidence. A drill whose data fails a check is FAILED even
 * though the restore itself worked. Publishes {@link DrillFailed}, {@link RtoBreached} and {@link RpoBreached}.
 */
@Service
public class RestoreDrills {

    /** Named like the other escrow checks: when it fails, the escrow is at fault, not the backup. */
    static final String SIGNING_KEY_CHECK = "escrow's signing key";

    private final DrillStore drills;
    private final PlanStore plans;
    private final PointStore points;
    private final Workbench workbench;
    private final RecoveryPorts ports;
    private final RecoveryPermissions permissions;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final RecoverySettings settings;
    private final Clock clock;
    private final TransactionTemplate tx;

    RestoreDrills(DrillStore drills, PlanStore plans, PointStore points, Workbench workbench, RecoveryPorts ports,
            RecoveryPermissions permissions, AuditTrail audit, ApplicationEventPublisher events,
            RecoverySettings settings, Clock clock, PlatformTransactionManager transactions) {
        this.drills = drills;
        this.plans = plans;
        this.points = points;
        this.workbench = workbench;
        this.ports = ports;
        this.permissions = permissions;
        this.audit = audit;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Runs the drill plan now with a fresh seed. Blocks until the drill is over (at most its window, plus cleanup). */
    @PreAuthorize("isAuthenticated()")
    public DrillReport runDrill(UUID drillPlanId) {
        return runDrill(drillPlanId, new SecureRandom().nextLong());
    }

    /** Runs the drill plan with a given seed: with the same backups, RANDOM picks the same one again. */
    @PreAuthorize("isAuthenticated()")
    public DrillReport runDrill(UUID drillPlanId, long seed) {
        permissions.require(Operation.RUN_DRILL, DrillPlans.target(drillPlanId));
        return drill(drillPlanId, seed, DrillReport.Kind.STANDARD, null, null);
    }

    /**
     * An escrow drill: restores the plan's latest complete backup with nothing but the escrow, unwrapped with its
     * passphrase: its backup key opens the archive and (format 2) its signing key verifies the manifest, so the
     * vault may be sealed. FAILED when no escrow of the backup's key was ever exported, when the escrow does not
     * unwrap (wrong passphrase, altered text), when it covers another key than the backup's, when its signing key
     * did not sign the backup's manifest, when a format 1 escrow meets a sealed vault, or when the unwrapped key
     * does not open the backup. The catalog is still read to find the backup and its copies.
     */
    @PreAuthorize("isAuthenticated()")
    public DrillReport runEscrowDrill(UUID drillPlanId, String escrowText, char[] passphrase) {
        permissions.require(Operation.RUN_DRILL, DrillPlans.target(drillPlanId));
        return drill(drillPlanId, new SecureRandom().nextLong(), DrillReport.Kind.ESCROW, escrowText, passphrase);
    }

    @PreAuthorize("isAuthenticated()")
    public DrillReport report(UUID drillId) {
        permissions.require(Operation.READ, "drill:" + drillId);
        return tx.execute(status -> drills.drill(drillId).orElseThrow(() -> new NotFoundException("drill " + drillId)));
    }

    /** The drill plan's drills, newest first. */
    @PreAuthorize("isAuthenticated()")
    public List<DrillReport> reports(UUID drillPlanId, int limit) {
        permissions.require(Operation.READ, DrillPlans.target(drillPlanId));
        return tx.execute(status -> drills.drillsOf(drillPlanId, Math.min(limit, 1000)).stream()
                .map(id -> drills.drill(id).orElseThrow()).toList());
    }

    /**
     * Closes drills whose node stopped while they ran, for a periodic job. A drill can not outlive its validation
     * window (everything it started is killed when the window runs out), so one still RUNNING after its window plus
     * the lease ({@code gantry.recovery.backup.lease}, which also covers cleanup and the final commit) belongs to a
     * process that died. It becomes INTERRUPTED, the scratch target it left is removed (or the failure to remove it
     * stored and audited), and {@link DrillFailed} is published. Its backup's drill record is left as it was: an
     * interrupted drill proves nothing about the backup.
     *
     * @return the drills this call closed
     */
    @PreAuthorize("isAuthenticated()")
    public List<DrillReport> sweepInterrupted() {
        permissions.require(Operation.RUN_DRILL, "drills");
        String actor = Actors.current();
        Instant now = clock.instant();
        var closed = new ArrayList<DrillReport>();
        for (DrillStore.RunningDrill running : tx.execute(status -> drills.running())) {
            if (now.isAfter(running.startedAt().plus(running.window()).plus(settings.lease()))) {
                DrillReport report = tx.execute(status -> interrupt(running, actor));
                if (report != null) {
                    closed.add(report);
                }
            }
        }
        return closed;
    }

    private @Nullable DrillReport interrupt(DrillStore.RunningDrill running, String actor) {
        Instant now = clock.instant();
        String cleanupProblem = removeLeftover(running);
        String reason = "interrupted: the node running it stopped (still RUNNING past its window of "
                + running.window() + " and the lease of " + settings.lease() + ")";
        var verdict = new DrillVerdict.Interrupted(reason);
        if (!drills.finishDrill(running.id(), verdict, List.of(), now, null, null, cleanupProblem)) {
            return null;
        }
        String target = "drill:" + running.id();
        audit.record(new AuditRecord(actor, "recovery.drill.interrupted", target, AuditOutcome.FAILURE,
                Map.of("drillPlan", running.drillPlanId().toString(), "startedAt", running.startedAt().toString(),
                        "scratch", running.scratch())));
        if (cleanupProblem != null) {
            audit.record(new AuditRecord(actor, "recovery.drill.cleanup-failed", target, AuditOutcome.FAILURE,
                    Map.of("scratch", running.scratch())));
        }
        String serviceId = plans.find(running.backupPlanId()).map(p -> p.draft().serviceId()).orElse("");
        events.publishEvent(new DrillFailed(running.id(), running.drillPlanId(), running.backupPlanId(), serviceId,
                verdict.name(), reason));
        return drills.drill(running.id()).orElseThrow();
    }

    /** The target is rebuilt from the plan; if the plan's scratch changed since, it would name another place. */
    private @Nullable String removeLeftover(DrillStore.RunningDrill running) {
        Optional<DrillPlan> plan = drills.plan(running.drillPlanId());
        try {
            ScratchTarget target = plan.map(p -> workbench.scratch(p.draft().scratch(), running.id())).orElse(null);
            if (target == null || !target.describe().equals(running.scratch())) {
                return "could not remove " + running.scratch() + ": the drill plan's scratch target changed since; "
                        + "remove it by hand";
            }
            target.removeLeftover();
            return null;
        } catch (java.io.IOException | RuntimeException e) {
            return "could not remove " + running.scratch() + ": " + e.getMessage();
        }
    }

    private record Setup(UUID drillId, DrillPlan plan, PlanStore.StoredPlan backupPlan, @Nullable BackupPoint point,
            RecoveryObjectives objectives, ScratchTarget target, Instant startedAt) {
    }

    private DrillReport drill(UUID drillPlanId, long seed, DrillReport.Kind kind, @Nullable String escrowText,
            char @Nullable [] passphrase) {
        String actor = Actors.current();
        Setup setup = tx.execute(status -> begin(drillPlanId, seed, kind, actor));
        var checks = new ArrayList<CheckResult>();
        RestoreRun.Outcome outcome = null;
        BackupPoint point = setup.point;
        if (point == null) {
            checks.add(CheckResult.failed("backup to drill", "no complete backup of plan "
                    + setup.backupPlan.draft().name() + " matches the selection", Duration.ZERO));
        } else {
            outcome = restoreAndCheck(setup, point, kind, escrowText, passphrase, checks);
        }
        DrillVerdict verdict = verdict(setup, checks, outcome);
        RestoreRun.Outcome finished = outcome;
        return tx.execute(status -> finish(status, setup, verdict, checks, finished, seed, actor));
    }

    private RestoreRun.@Nullable Outcome restoreAndCheck(Setup setup, BackupPoint point, DrillReport.Kind kind,
            @Nullable String escrowText, char @Nullable [] passphrase, List<CheckResult> checks) {
        try {
            List<String> publishedTo = tx.execute(s -> points.publishedTo(point.id()));
            Keys keys = kind == DrillReport.Kind.ESCROW
                    ? escrowedKeys(point, publishedTo, escrowText, passphrase, checks)
                    : new Keys(ports.keys().byId(point.keyId()), ports.keys().manifestPublicKey());
            if (keys != null) {
                var opener = Archives.opener(workbench, point, publishedTo, keys.key(), keys.manifestKey());
                RestoreExpectation expectation = tx.execute(s -> points.expectation(point.id()));
                RestoreRun.Outcome outcome = RestoreRun.run(opener, point.format(), setup.target, expectation,
                        setup.plan.draft().validations(), setup.plan.draft().window(), true, bytes -> { });
                checks.addAll(outcome.checks());
                return outcome;
            }
        } catch (RuntimeException e) {
            checks.add(CheckResult.failed("prepare the restore", e instanceof BackupKeysUnavailableException
                    ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage(), Duration.ZERO));
        }
        return null;
    }

    private record Keys(BackupKey key, PublicKey manifestKey) {
    }

    private Setup begin(UUID drillPlanId, long seed, DrillReport.Kind kind, String actor) {
        DrillPlan plan = drills.plan(drillPlanId).orElseThrow(() -> new NotFoundException("drill plan " + drillPlanId));
        if (!plan.enabled()) {
            throw new ConflictException("plan", "the drill plan " + plan.draft().name() + " is disabled");
        }
        PlanStore.StoredPlan backupPlan = plans.find(plan.draft().backupPlanId()).orElseThrow();
        Instant now = clock.instant();
        var selection = kind == DrillReport.Kind.ESCROW ? DrillPlanDraft.Selection.LATEST : plan.draft().selection();
        Optional<BackupPoint> point = PointSelection.choose(points.succeeded(backupPlan.id()), selection,
                plan.draft().selectionWindow(), seed, now);
        RecoveryObjectives objectives = RecoveryObjectives.of(backupPlan.draft(), ports.policy());
        UUID drillId = UUID.randomUUID();
        ScratchTarget target = workbench.scratch(plan.draft().scratch(), drillId);
        drills.insertDrill(drillId, drillPlanId, backupPlan.id(), point.map(BackupPoint::id).orElse(null), kind, seed,
                plan.draft().window(), target.describe(), now, objectives, actor);
        var details = new HashMap<String, String>();
        details.put("drillPlan", drillPlanId.toString());
        details.put("kind", kind.name());
        details.put("seed", Long.toString(seed));
        details.put("point", point.map(p -> p.id().toString()).orElse("none"));
        details.put("scratch", target.describe());
        audit.record(AuditRecord.success(actor, "recovery.drill.started", "drill:" + drillId, details));
        return new Setup(drillId, plan, backupPlan, point.orElse(null), objectives, target, now);
    }

    /**
     * The keys an escrow drill restores with: the escrowed backup key and, from an escrow of format 2, the escrowed
     * manifest signing key, so nothing comes from the vault. Only a format 1 escrow, which does not carry the
     * signing key, still needs it from the backup keys.
     */
    private @Nullable Keys escrowedKeys(BackupPoint point, List<String> publishedTo, @Nullable String escrowText,
            char @Nullable [] passphrase, List<CheckResult> checks) {
        String keyId = point.keyId();
        boolean onRecord = tx.execute(s -> drills.escrowed(keyId));
        if (!onRecord) {
            checks.add(CheckResult.failed("escrow on record", "no escrow of backup key " + keyId
                    + " was ever exported", Duration.ZERO));
            return null;
        }
        checks.add(CheckResult.passed("escrow on record", "backup key " + keyId + " was exported", Duration.ZERO));
        if (escrowText == null || escrowText.isBlank() || passphrase == null) {
            checks.add(CheckResult.failed("escrowed key unwraps", "no escrow was supplied", Duration.ZERO));
            return null;
        }
        long start = System.nanoTime();
        PassphraseEscrow.Unwrapped escrowed;
        try {
            escrowed = PassphraseEscrow.unwrap(escrowText, passphrase);
        } catch (PassphraseEscrow.UnwrapException e) {
            checks.add(CheckResult.failed("escrowed key unwraps", e.getMessage(),
                    Duration.ofNanos(System.nanoTime() - start)));
            return null;
        }
        checks.add(CheckResult.passed("escrowed key unwraps", "key " + escrowed.key().keyId() + ", escrow "
                + PassphraseEscrow.fingerprint(escrowText) + " (format " + escrowed.format() + ")",
                Duration.ofNanos(System.nanoTime() - start)));
        if (!escrowed.key().keyId().equals(keyId)) {
            checks.add(CheckResult.failed("escrow covers the backup's key", "this escrow covers backup key "
                    + escrowed.key().keyId() + " but the backup was written under key " + keyId + ": use the escrow "
                    + "exported while " + keyId + " was current", Duration.ZERO));
            return null;
        }
        PublicKey manifestKey = escrowed.manifestKey();
        start = System.nanoTime();
        if (manifestKey == null) {
            try {
                manifestKey = ports.keys().manifestPublicKey();
            } catch (BackupKeysUnavailableException e) {
                checks.add(CheckResult.failed(SIGNING_KEY_CHECK, "this escrow is of format 1 and does not carry the "
                        + "manifest signing key, and " + e.getMessage() + ". To restore with the escrow alone, export "
                        + "a new escrow (format 2 carries the signing key) while the vault is unsealed.",
                        Duration.ofNanos(System.nanoTime() - start)));
                return null;
            }
            checks.add(CheckResult.passed(SIGNING_KEY_CHECK, "taken from Gantry's backup keys: this escrow is of "
                    + "format 1 and does not carry it; export a new escrow to restore without them",
                    Duration.ofNanos(System.nanoTime() - start)));
            return new Keys(escrowed.key(), manifestKey);
        }
        String signingKey = ManifestSigning.fingerprint(manifestKey);
        switch (Archives.signer(workbench, point, publishedTo, manifestKey)) {
            case THIS_KEY -> checks.add(CheckResult.passed(SIGNING_KEY_CHECK, "the escrowed signing key " + signingKey
                    + " signed this backup's manifest", Duration.ofNanos(System.nanoTime() - start)));
            case ANOTHER_KEY -> {
                checks.add(CheckResult.failed(SIGNING_KEY_CHECK, "the escrow's signing key did not sign this backup's "
                        + "manifest (escrowed signing key " + signingKey + ")",
                        Duration.ofNanos(System.nanoTime() - start)));
                return null;
            }
            // No manifest could be read: the restore, which reads it again, reports why.
            case UNREADABLE -> { }
        }
        return new Keys(escrowed.key(), manifestKey);
    }

    private static DrillVerdict verdict(Setup setup, List<CheckResult> checks, RestoreRun.@Nullable Outcome outcome) {
        if (outcome != null && outcome.timedOut()) {
            return new DrillVerdict.TimedOut(setup.plan.draft().window());
        }
        Optional<CheckResult> failed = checks.stream().filter(c -> !c.passed()).findFirst();
        if (failed.isPresent() || outcome == null || outcome.rto() == null) {
            return new DrillVerdict.Failed(failed.map(c -> c.name() + ": " + c.detail()).orElse("no check ran"));
        }
        Duration rto = outcome.rto();
        Duration objective = setup.objectives.rto();
        return objective != null && rto.compareTo(objective) > 0
                ? new DrillVerdict.PassedWithRtoBreach(rto, objective)
                : new DrillVerdict.Passed(rto);
    }

    private DrillReport finish(TransactionStatus status, Setup setup, DrillVerdict verdict, List<CheckResult> checks,
            RestoreRun.@Nullable Outcome outcome, long seed, String actor) {
        Instant now = clock.instant();
        String cleanupProblem = outcome == null ? cleanUpUnused(setup.target) : outcome.cleanupProblem();
        if (setup.point != null && !(verdict instanceof DrillVerdict.Failed f && isEscrowProblem(f))) {
            points.drilled(setup.point.id(), verdict.restorable());
        }
        Instant lastGood = points.newestDrillPassed(setup.backupPlan.id()).map(BackupPoint::createdAt).orElse(null);
        Duration rpo = lastGood == null ? null : Duration.between(lastGood, now);
        Duration rto = verdict instanceof DrillVerdict.Passed p ? p.rto()
                : verdict instanceof DrillVerdict.PassedWithRtoBreach b ? b.rto() : null;
        if (!drills.finishDrill(setup.drillId, verdict, checks, now, rto, rpo, cleanupProblem)) {
            // A sweep declared this drill interrupted while it was still finishing: that verdict stands.
            status.setRollbackOnly();
            return drills.drill(setup.drillId).orElseThrow();
        }

        String target = "drill:" + setup.drillId;
        Map<String, String> details = Map.of("verdict", verdict.name(), "drillPlan", setup.plan.id().toString(),
                "seed", Long.toString(seed), "rpoAchieved", rpo == null ? "none" : rpo.toString(),
                "rtoAchieved", rto == null ? "none" : rto.toString());
        audit.record(new AuditRecord(actor, "recovery.drill.finished", target,
                verdict.restorable() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE, details));
        if (cleanupProblem != null) {
            audit.record(new AuditRecord(actor, "recovery.drill.cleanup-failed", target, AuditOutcome.FAILURE,
                    Map.of("scratch", setup.target.describe())));
        }
        String serviceId = setup.backupPlan.draft().serviceId();
        switch (verdict) {
            case DrillVerdict.Failed f -> events.publishEvent(new DrillFailed(setup.drillId, setup.plan.id(),
                    setup.backupPlan.id(), serviceId, verdict.name(), f.firstFailedCheck()));
            case DrillVerdict.TimedOut t -> events.publishEvent(new DrillFailed(setup.drillId, setup.plan.id(),
                    setup.backupPlan.id(), serviceId, verdict.name(), "the validation window of " + t.window()
                    + " ran out"));
            case DrillVerdict.Interrupted i -> events.publishEvent(new DrillFailed(setup.drillId, setup.plan.id(),
                    setup.backupPlan.id(), serviceId, verdict.name(), i.reason()));
            case DrillVerdict.PassedWithRtoBreach b -> events.publishEvent(new RtoBreached(setup.drillId,
                    setup.plan.id(), setup.backupPlan.id(), serviceId, b.objective(), b.rto()));
            case DrillVerdict.Passed p -> { }
        }
        Duration rpoObjective = setup.objectives.rpo();
        if (rpoObjective != null && (rpo == null || rpo.compareTo(rpoObjective) > 0)) {
            events.publishEvent(new RpoBreached(setup.backupPlan.id(), serviceId, RpoBreached.Cause.DRILL, lastGood,
                    now.minus(rpoObjective), now, rpoObjective));
        }
        return drills.drill(setup.drillId).orElseThrow();
    }

    /** An escrow that does not unwrap says nothing about the backup itself, only about the escrow. */
    private static boolean isEscrowProblem(DrillVerdict.Failed failed) {
        return failed.firstFailedCheck().startsWith("escrow");
    }

    private static @Nullable String cleanUpUnused(ScratchTarget target) {
        try {
            target.cleanup();
            return null;
        } catch (java.io.IOException | RuntimeException e) {
            return "could not remove " + target.describe() + ": " + e.getMessage();
        }
    }
}
