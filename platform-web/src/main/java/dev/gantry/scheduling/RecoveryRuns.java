package dev.gantry.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import dev.gantry.domain.ConflictException;
import dev.gantry.domain.InvalidInputException;
import dev.gantry.domain.Role;
import dev.gantry.domain.audit.AuditOutcome;
import dev.gantry.domain.audit.AuditRecord;
import dev.gantry.domain.audit.AuditTrail;
import dev.gantry.recovery.BackupPlan;
import dev.gantry.recovery.BackupPlans;
import dev.gantry.recovery.BackupPoint;
import dev.gantry.recovery.BackupProgress;
import dev.gantry.recovery.BackupService;
import dev.gantry.recovery.DrillPlan;
import dev.gantry.recovery.DrillPlans;
import dev.gantry.recovery.DrillReport;
import dev.gantry.recovery.DrillVerdict;
import dev.gantry.recovery.PointState;
import dev.gantry.recovery.RestoreDrills;
import dev.gantry.recovery.RestoreOnDemand;
import dev.gantry.recovery.RestoreResult;
import dev.gantry.recovery.ScratchSpec;
import jakarta.annotation.PreDestroy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Backups, drills and restores started by a person ("run now") run here, on a small pool of threads of their own,
 * never on a request thread; scheduled ones are recorded here too when their job runs on this node. Each run can be
 * watched while it runs: bytes for backups and restores, the validation window for drills. At most one run per
 * plan (per point for restores) at a time on this node; the recovery module itself refuses a second live backup of
 * a plan on any node. Runs are kept in memory: the points and drill reports they produce are what is stored.
 */
@Component
public class RecoveryRuns {

    public enum Kind { BACKUP, DRILL, RESTORE }

    public enum State { QUEUED, RUNNING, SUCCEEDED, FAILED }

    /**
     * One run as it stands.
     *
     * @param subjectId  the backup plan, drill plan or (for a restore) backup point
     * @param bytesDone  plaintext bytes read (backup) or restored (restore) so far
     * @param bytesTotal for a restore, the backup's plaintext size; 0 when unknown
     * @param deadline   for a drill, when its validation window runs out
     * @param resultId   the backup point, drill, or restore it produced (a backup's point as soon as it exists)
     * @param outcome    what happened, in a sentence, once finished
     */
    public record Run(UUID id, Kind kind, UUID subjectId, String subject, String requestedBy, Instant requestedAt,
                      State state, @Nullable Instant startedAt, @Nullable Instant finishedAt, long bytesDone,
                      long bytesTotal, @Nullable Instant deadline, @Nullable UUID resultId,
                      @Nullable String outcome) {

        public boolean active() {
            return state == State.QUEUED || state == State.RUNNING;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(RecoveryRuns.class);
    private static final int HISTORY = 200;

    private final BackupService backups;
    private final BackupPlans backupPlans;
    private final DrillPlans drillPlans;
    private final RestoreDrills drills;
    private final RestoreOnDemand restores;
    private final AuditTrail audit;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final ThreadPoolExecutor executor;
    private final Map<String, UUID> busy = new ConcurrentHashMap<>();
    private final Map<UUID, Tracked> runs = new LinkedHashMap<>();

    RecoveryRuns(BackupService backups, BackupPlans backupPlans, DrillPlans drillPlans, RestoreDrills drills,
                 RestoreOnDemand restores, AuditTrail audit, PlatformTransactionManager transactions, Clock clock,
                 @Value("${gantry.recovery.run-now.threads:2}") int threads,
                 @Value("${gantry.recovery.run-now.queue:8}") int queue) {
        this.backups = backups;
        this.backupPlans = backupPlans;
        this.drillPlans = drillPlans;
        this.drills = drills;
        this.restores = restores;
        this.audit = audit;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        AtomicInteger number = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES,
                new ArrayBlockingQueue<>(Math.max(1, queue)), task -> {
                    Thread thread = new Thread(task, "recovery-run-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    // ---- started by a person: in the background ----

    /**
     * Starts a backup of the plan in the background.
     *
     * @throws ConflictException (field {@code plan}) if the plan is disabled or a backup of it is running
     */
    public Run startBackup(UUID planId) {
        requireAdmin("recovery.backup.denied", "backup-plan:" + planId);
        BackupPlan plan = backupPlans.get(planId);
        if (!plan.enabled()) {
            throw new ConflictException("plan", "the backup plan " + plan.draft().name()
                    + " is disabled; enable it to back it up");
        }
        Optional<BackupProgress> running = backups.progress(planId);
        if (running.isPresent()) {
            throw new ConflictException("plan", "a backup of " + plan.draft().name() + " is running since "
                    + running.get().startedAt() + "; watch it instead of starting another");
        }
        return submit(Kind.BACKUP, planId, plan.draft().serviceName() + " · " + plan.draft().name(), 0,
                this::backup);
    }

    /**
     * Starts a drill of the drill plan in the background, with the given seed or a fresh one.
     *
     * @throws ConflictException (field {@code plan}) if the drill plan is disabled or a drill of it is running
     */
    public Run startDrill(UUID drillPlanId, @Nullable Long seed) {
        requireAdmin("recovery.drill.denied", "drill-plan:" + drillPlanId);
        DrillPlan plan = drillPlans.get(drillPlanId);
        if (!plan.enabled()) {
            throw new ConflictException("plan", "the drill plan " + plan.draft().name()
                    + " is disabled; enable it to run it");
        }
        return submit(Kind.DRILL, drillPlanId, plan.draft().name(), 0, tracked -> drill(tracked, seed));
    }

    /**
     * Starts an escrow drill in the background: the drill plan's newest backup restored with nothing but the
     * escrowed key, unwrapped with its passphrase. The passphrase is copied for the worker and wiped when it is
     * done (the caller wipes its own); it is never logged or kept with the run.
     */
    public Run startEscrowDrill(UUID drillPlanId, String escrowText, char[] passphrase) {
        requireAdmin("recovery.drill.denied", "drill-plan:" + drillPlanId);
        DrillPlan plan = drillPlans.get(drillPlanId);
        if (!plan.enabled()) {
            throw new ConflictException("plan", "the drill plan " + plan.draft().name()
                    + " is disabled; enable it to run it");
        }
        char[] copy = passphrase.clone();
        try {
            return submit(Kind.DRILL, drillPlanId, plan.draft().name() + " (escrow)", 0, tracked -> {
                try {
                    return drillWith(tracked, () -> drills.runEscrowDrill(drillPlanId, escrowText, copy));
                } finally {
                    java.util.Arrays.fill(copy, '\0');
                }
            });
        } catch (RuntimeException notStarted) {
            java.util.Arrays.fill(copy, '\0');
            throw notStarted;
        }
    }

    /**
     * Restores the point into a new scratch target in the background.
     *
     * @throws ConflictException (field {@code point}) if the point has no copy to restore
     * @throws InvalidInputException (field {@code target}) if the target cannot take this backup
     */
    public Run startRestore(UUID pointId, ScratchSpec target) {
        requireAdmin("recovery.restore.denied", "backup-point:" + pointId);
        BackupPoint point = backups.point(pointId);
        if (point.state() != PointState.SUCCEEDED && point.state() != PointState.PARTIALLY_FAILED) {
            throw new ConflictException("point", "backup " + point.archiveName() + " is " + point.state()
                    + " and has no copy to restore; choose a SUCCEEDED one");
        }
        if (!target.accepts(point.format())) {
            throw new InvalidInputException("target", "a " + point.format() + " backup cannot be restored there; "
                    + "choose a target of the matching kind");
        }
        return submit(Kind.RESTORE, pointId, point.archiveName(), point.bytesDone(),
                tracked -> restore(tracked, target));
    }

    // ---- fired by the scheduler: on the job's thread ----

    /** A scheduled backup; skipped (empty) while a backup of the plan started by a person runs here. */
    public Optional<BackupPoint> runScheduledBackup(UUID planId) {
        BackupPlan plan = backupPlans.get(planId);
        return runHere(Kind.BACKUP, planId, plan.draft().serviceName() + " · " + plan.draft().name(), this::backup);
    }

    /** A scheduled drill; skipped (empty) while a drill of the plan started by a person runs here. */
    public Optional<DrillReport> runScheduledDrill(UUID drillPlanId) {
        return runHere(Kind.DRILL, drillPlanId, drillPlans.get(drillPlanId).draft().name(),
                tracked -> drill(tracked, null));
    }

    // ---- watching ----

    /** The run, if this node knows it; the caller must be allowed to read what it runs. */
    public Optional<Run> find(UUID runId) {
        Tracked tracked;
        synchronized (runs) {
            tracked = runs.get(runId);
        }
        if (tracked == null) {
            return Optional.empty();
        }
        switch (tracked.kind) {
            case BACKUP -> backupPlans.get(tracked.subjectId);
            case DRILL -> drillPlans.get(tracked.subjectId);
            case RESTORE -> backups.point(tracked.subjectId);
        }
        return Optional.of(snapshot(tracked));
    }

    /** Runs queued or running on this node, oldest first; the caller must be allowed to read recovery. */
    public List<Run> active() {
        requireRead();
        return all().stream().filter(Run::active).toList();
    }

    /** Runs of this node, newest first, finished ones included. */
    public List<Run> recent(int limit) {
        requireRead();
        List<Run> all = new ArrayList<>(all());
        all.sort(Comparator.comparing(Run::requestedAt).reversed());
        return all.stream().limit(Math.max(0, limit)).toList();
    }

    /** The newest run of a plan (or point) on this node, if any. */
    public Optional<Run> latestOf(UUID subjectId) {
        return recent(HISTORY).stream().filter(r -> r.subjectId().equals(subjectId)).findFirst();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(20, TimeUnit.SECONDS)) {
            // A backup cut short stays RUNNING until its lease runs out; the next run marks it FAILED.
            executor.shutdownNow();
        }
    }

    /** Listing the plans is the recovery module's own read check, audited there when refused. */
    private void requireRead() {
        backupPlans.list();
    }

    private List<Run> all() {
        List<Tracked> copy;
        synchronized (runs) {
            copy = List.copyOf(runs.values());
        }
        return copy.stream().map(this::snapshot).toList();
    }

    private Run snapshot(Tracked t) {
        long bytes = t.bytes.get();
        UUID result = t.resultId;
        if (t.kind == Kind.BACKUP && t.state == State.RUNNING) {
            Optional<BackupProgress> progress = backups.progress(t.subjectId);
            if (progress.isPresent()) {
                bytes = progress.get().bytesDone();
                result = progress.get().pointId();
            }
        }
        return new Run(t.id, t.kind, t.subjectId, t.subject, t.requestedBy, t.requestedAt, t.state, t.startedAt,
                t.finishedAt, bytes, t.bytesTotal, t.deadline, result, t.outcome);
    }

    private Run submit(Kind kind, UUID subjectId, String subject, long bytesTotal, Function<Tracked, ?> work) {
        Tracked tracked = claim(kind, subjectId, subject, bytesTotal);
        if (tracked == null) {
            throw new ConflictException(kind == Kind.RESTORE ? "point" : "plan", "a " + kind.name().toLowerCase()
                    + " of " + subject + " is already running here; watch it instead of starting another");
        }
        Authentication requester = SecurityContextHolder.getContext().getAuthentication();
        try {
            executor.execute(() -> {
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(requester);
                SecurityContextHolder.setContext(context);
                try {
                    run(tracked, work);
                } finally {
                    SecurityContextHolder.clearContext();
                }
            });
        } catch (RejectedExecutionException busyPool) {
            release(tracked);
            tracked.state = State.FAILED;
            tracked.outcome = "not started: the server is busy";
            throw new ConflictException("run", executor.getActiveCount() + " recovery runs are in progress and "
                    + executor.getQueue().size() + " waiting; start this one when one of them has finished");
        }
        return snapshot(tracked);
    }

    private <T> Optional<T> runHere(Kind kind, UUID subjectId, String subject, Function<Tracked, T> work) {
        Tracked tracked = claim(kind, subjectId, subject, 0);
        if (tracked == null) {
            log.info("Scheduled {} of {} skipped: one started by a person is running on this node", kind, subject);
            return Optional.empty();
        }
        return Optional.ofNullable(run(tracked, work));
    }

    private <T> @Nullable T run(Tracked tracked, Function<Tracked, T> work) {
        tracked.state = State.RUNNING;
        tracked.startedAt = clock.instant();
        try {
            return work.apply(tracked);
        } catch (RuntimeException e) {
            tracked.state = State.FAILED;
            tracked.outcome = message(e);
            log.warn("Recovery {} of {} failed: {}", tracked.kind, tracked.subject, tracked.outcome);
            return null;
        } finally {
            tracked.finishedAt = clock.instant();
            release(tracked);
        }
    }

    private BackupPoint backup(Tracked tracked) {
        BackupPoint point = backups.runPlan(tracked.subjectId);
        finish(tracked, point);
        return point;
    }

    private void finish(Tracked tracked, BackupPoint point) {
        tracked.resultId = point.id();
        tracked.bytes.set(point.bytesDone());
        tracked.state = point.state() == PointState.SUCCEEDED ? State.SUCCEEDED : State.FAILED;
        tracked.outcome = switch (point.state()) {
            case SUCCEEDED -> "backed up " + point.archiveName() + " to " + point.locationsSucceeded()
                    + (point.locationsSucceeded() == 1 ? " location" : " locations")
                    + (point.verified() ? ", read back and verified" : "");
            case PARTIALLY_FAILED -> "written to " + point.locationsSucceeded() + " of "
                    + (point.locationsSucceeded() + point.locationsFailed()) + " locations: " + point.failure();
            default -> "the backup failed: " + point.failure();
        };
    }

    private DrillReport drill(Tracked tracked, @Nullable Long seed) {
        return drillWith(tracked, () -> seed == null ? drills.runDrill(tracked.subjectId)
                : drills.runDrill(tracked.subjectId, seed));
    }

    private DrillReport drillWith(Tracked tracked, java.util.function.Supplier<DrillReport> run) {
        tracked.deadline = clock.instant().plus(drillPlans.get(tracked.subjectId).draft().window());
        DrillReport report = run.get();
        tracked.resultId = report.drillId();
        tracked.state = report.verdict().restorable() ? State.SUCCEEDED : State.FAILED;
        tracked.outcome = switch (report.verdict()) {
            case DrillVerdict.Passed p -> "PASSED in " + p.rto().toMillis() + " ms";
            case DrillVerdict.PassedWithRtoBreach b -> "PASSED_WITH_RTO_BREACH: "
                    + b.rto().toMillis() + " ms against an RTO of " + b.objective();
            case DrillVerdict.Failed f -> "FAILED: " + f.firstFailedCheck();
            case DrillVerdict.TimedOut t -> "TIMED_OUT after the window of " + t.window();
            case DrillVerdict.Interrupted i -> "INTERRUPTED: " + i.reason();
        };
        return report;
    }

    private RestoreResult restore(Tracked tracked, ScratchSpec target) {
        RestoreResult result = restores.restore(tracked.subjectId, target, tracked.bytes::set);
        tracked.resultId = result.restoreId();
        tracked.bytes.set(result.bytes());
        tracked.state = State.SUCCEEDED;
        tracked.outcome = "restored " + result.bytes() + " bytes into " + result.target() + " in "
                + result.took().toMillis() + " ms; " + result.expectation().name() + ": "
                + result.expectation().detail();
        return result;
    }

    private @Nullable Tracked claim(Kind kind, UUID subjectId, String subject, long bytesTotal) {
        Tracked tracked = new Tracked(UUID.randomUUID(), kind, subjectId, subject, actor(), clock.instant(),
                bytesTotal);
        if (busy.putIfAbsent(kind + ":" + subjectId, tracked.id) != null) {
            return null;
        }
        synchronized (runs) {
            runs.put(tracked.id, tracked);
            if (runs.size() > HISTORY) {
                runs.values().stream().filter(t -> t.state != State.QUEUED && t.state != State.RUNNING)
                        .findFirst().ifPresent(oldest -> runs.remove(oldest.id));
            }
        }
        return tracked;
    }

    private void release(Tracked tracked) {
        busy.remove(tracked.kind + ":" + tracked.subjectId, tracked.id);
    }

    /**
     * The recovery services decide (and audit) on the worker thread; this early refusal only saves a person from
     * a run that would be refused there, and is audited the same way.
     */
    private void requireAdmin(String action, String target) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean admin = authentication != null && authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).anyMatch(Role.ADMIN.authority()::equals);
        if (!admin) {
            String actor = actor();
            ownTransaction.executeWithoutResult(status -> audit.record(new AuditRecord(actor, action, target,
                    AuditOutcome.DENIED, Map.of("reason", "role"))));
            throw new AccessDeniedException("only an administrator may do this");
        }
    }

    private static String actor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || authentication.getName() == null ? "anonymous" : authentication.getName();
    }

    private static String message(RuntimeException e) {
        if (e instanceof AccessDeniedException) {
            return "refused: only an administrator may do this";
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    /** A run's mutable state, written by its worker and read by whoever watches. */
    private static final class Tracked {
        final UUID id;
        final Kind kind;
        final UUID subjectId;
        final String subject;
        final String requestedBy;
        final Instant requestedAt;
        final long bytesTotal;
        final AtomicLong bytes = new AtomicLong();
        volatile State state = State.QUEUED;
        volatile @Nullable Instant startedAt;
        volatile @Nullable Instant finishedAt;
        volatile @Nullable Instant deadline;
        volatile @Nullable UUID resultId;
        volatile @Nullable String outcome;

        Tracked(UUID id, Kind kind, UUID subjectId, String subject, String requestedBy, Instant requestedAt,
                long bytesTotal) {
            this.id = id;
            this.kind = kind;
            this.subjectId = subjectId;
            this.subject = subject;
            this.requestedBy = requestedBy;
            this.requestedAt = requestedAt;
            this.bytesTotal = bytesTotal;
        }
    }
}
