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
import dev.gantry.recovery.internal.TolerantLocation;
import dev.gantry.recovery.internal.Workbench;
import dev.gantry.recovery.internal.store.PlanStore;
import dev.gantry.recovery.internal.store.PointStore;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs backup plans end to end and watches their schedules. A run is a point: RUNNING while it streams (with a
 * heartbeat so a dead process is recognised), then SUCCEEDED, PARTIALLY_FAILED (some locations failed) or FAILED.
 * The work runs outside any transaction; each change of state commits with its audit entry.
 */
@Service
public class BackupService {

    private static final Logger log = LoggerFactory.getLogger(BackupService.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final PlanStore plans;
    private final PointStore points;
    private final Workbench workbench;
    private final RecoveryPorts ports;
    private final RecoverySettings settings;
    private final RecoveryPermissions permissions;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final Map<UUID, BackupProgress> running = new ConcurrentHashMap<>();

    BackupService(PlanStore plans, PointStore points, Workbench workbench, RecoveryPorts ports,
            RecoverySettings settings, RecoveryPermissions permissions, AuditTrail audit,
            ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactions) {
        this.plans = plans;
        this.points = points;
        this.workbench = workbench;
        this.ports = ports;
        this.settings = settings;
        this.permissions = permissions;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /**
     * Backs the plan up now, to all its locations, and returns the finished point. Blocks until done; watch it
     * meanwhile with {@link #progress}. A RUNNING point of this plan whose heartbeat is older than the lease
     * ({@code gantry.recovery.backup.lease}) belonged to a process that died: it becomes FAILED first.
     *
     * @throws ConflictException (field {@code plan}) if a live backup of the plan is running, or the plan is disabled
     */
    @PreAuthorize("isAuthenticated()")
    public BackupPoint runPlan(UUID planId) {
        permissions.require(Operation.RUN_BACKUP, BackupPlans.target(planId));
        String actor = Actors.current();
        Started started = tx.execute(status -> begin(planId, actor));
        var progress = new AtomicLong();
        running.put(planId, new BackupProgress(started.pointId, planId, started.archiveName, 0, started.at));
        try {
            PointStore.Outcome outcome;
            try {
                outcome = write(started, progress);
            } catch (RuntimeException e) {
                // Whatever broke (a key file, a location spec), the point must not stay RUNNING until its lease.
                outcome = failed(progress.get(), reason(e));
            }
            PointStore.Outcome finished = outcome;
            return tx.execute(status -> finish(started, finished, actor));
        } finally {
            running.remove(planId);
        }
    }

    /** The plan's backup in progress, on any node: live bytes on this node, the last heartbeat's elsewhere. */
    @PreAuthorize("isAuthenticated()")
    public Optional<BackupProgress> progress(UUID planId) {
        permissions.require(Operation.READ, BackupPlans.target(planId));
        BackupProgress local = running.get(planId);
        if (local != null) {
            return Optional.of(local);
        }
        return tx.execute(status -> points.running(planId).stream().findFirst()
                .map(p -> new BackupProgress(p.id(), planId, p.archiveName(), p.bytesDone(), p.startedAt())));
    }

    /** The plan's points (its runs), newest first. */
    @PreAuthorize("isAuthenticated()")
    public List<BackupPoint> points(UUID planId, int limit) {
        permissions.require(Operation.READ, BackupPlans.target(planId));
        return tx.execute(status -> points.ofPlan(planId, Math.min(limit, 1000)));
    }

    @PreAuthorize("isAuthenticated()")
    public BackupPoint point(UUID pointId) {
        permissions.require(Operation.READ, "backup-point:" + pointId);
        return tx.execute(status -> points.find(pointId)
                .orElseThrow(() -> new NotFoundException("backup point " + pointId)));
    }

    /**
     * Missed-schedule detection, for a periodic job: a plan whose newest complete backup is older than its next
     * scheduled time plus grace publishes {@link RpoBreached} once per missed deadline.
     */
    @PreAuthorize("isAuthenticated()")
    public List<RpoBreached> checkSchedules() {
        permissions.require(Operation.RUN_BACKUP, "backup-plans");
        String actor = Actors.current();
        var breaches = new ArrayList<RpoBreached>();
        for (PlanStore.StoredPlan plan : tx.execute(status -> plans.all())) {
            if (plan.enabled()) {
                RpoBreached breach = tx.execute(status -> checkSchedule(plan.id(), actor));
                if (breach != null) {
                    breaches.add(breach);
                }
            }
        }
        return breaches;
    }

    /**
     * Applies the plan's {@link KeepRules} through the {@link BackupRetention} the application provides: kept points
     * record why, the others are deleted from their locations and become EXPIRED. The newest complete point is
     * always kept. Without a retention calculator, or with rules that keep everything, nothing changes.
     */
    @PreAuthorize("isAuthenticated()")
    public RetentionOutcome applyRetention(UUID planId) {
        permissions.require(Operation.RUN_BACKUP, BackupPlans.target(planId));
        return retain(planId, Actors.current());
    }

    /**
     * Closes backups whose node stopped while they ran, for a periodic job: a RUNNING point whose heartbeat is
     * older than the lease becomes FAILED ("abandoned"), as the plan's next run would do, so a plan that does not
     * run again soon does not show a backup running for ever.
     *
     * @return the points this call closed
     */
    @PreAuthorize("isAuthenticated()")
    public List<BackupPoint> sweepAbandoned() {
        permissions.require(Operation.RUN_BACKUP, "backup-plans");
        String actor = Actors.current();
        var closed = new ArrayList<BackupPoint>();
        for (PlanStore.StoredPlan plan : tx.execute(status -> plans.all())) {
            closed.addAll(tx.execute(status -> abandonStale(plan.id(), actor, clock.instant())));
        }
        return closed;
    }

    private List<BackupPoint> abandonStale(UUID planId, String actor, Instant now) {
        var abandoned = new ArrayList<BackupPoint>();
        for (BackupPoint stale : points.stale(planId, now.minus(settings.lease()))) {
            String reason = "abandoned: no heartbeat since " + stale.startedAt() + " within the lease of "
                    + settings.lease() + "; the process running it died";
            if (points.markFailed(stale.id(), reason, now)) {
                audit.record(new AuditRecord(actor, "recovery.backup.abandoned", "backup-point:" + stale.id(),
                        AuditOutcome.FAILURE, Map.of("plan", planId.toString(), "archive", stale.archiveName())));
                abandoned.add(points.find(stale.id()).orElseThrow());
            }
        }
        return abandoned;
    }

    private record Started(UUID pointId, UUID planId, String planName, String serviceId, String archiveName,
            BackupSource source, List<LocationSpec> locations, Instant at) {
    }

    private Started begin(UUID planId, String actor) {
        PlanStore.StoredPlan plan = plans.lock(planId).orElseThrow(() -> new NotFoundException("backup plan " + planId));
        if (!plan.enabled()) {
            throw new ConflictException("plan", "the backup plan " + plan.draft().name() + " is disabled");
        }
        Instant now = clock.instant();
        abandonStale(planId, actor, now);
        List<BackupPoint> live = points.running(planId);
        if (!live.isEmpty()) {
            throw new ConflictException("plan", "a backup of " + plan.draft().name() + " is running since "
                    + live.getFirst().startedAt());
        }
        BackupSource source = workbench.source(plan.draft().source());
        UUID pointId = UUID.randomUUID();
        String archiveName = plan.draft().name() + "-" + STAMP.format(now) + "-"
                + pointId.toString().substring(0, 8);
        points.insertRunning(pointId, planId, archiveName, source.format(), now, actor);
        audit.record(AuditRecord.success(actor, "recovery.backup.started", "backup-point:" + pointId,
                Map.of("plan", planId.toString(), "archive", archiveName, "source", source.describe())));
        return new Started(pointId, planId, plan.draft().name(), plan.draft().serviceId(), archiveName, source,
                plan.draft().locations(), now);
    }

    private PointStore.Outcome write(Started started, AtomicLong progress) {
        var locations = new ArrayList<TolerantLocation>();
        for (LocationSpec spec : started.locations) {
            try {
                locations.add(new TolerantLocation(workbench.location(spec)));
            } catch (IOException | RuntimeException e) {
                locations.add(TolerantLocation.failed(spec.describe(), e.getClass().getSimpleName() + ": "
                        + e.getMessage()));
            }
        }
        BackupKey key = ports.keys().current();
        BackupWriter writer = null;
        RestoreExpectation expectation;
        try {
            writer = BackupWriter.create(started.archiveName, key, ports.keys().manifestSigningKey(), clock,
                    List.copyOf(locations));
            expectation = started.source.writeTo(new Heartbeat(writer, started, progress));
            writer.close();
        } catch (IOException | RuntimeException e) {
            if (writer != null) {
                writer.abort();
            }
            log.warn("backup {} failed: {}", started.archiveName, e.getMessage());
            return failed(progress.get(), reason(e));
        }
        SignedManifest manifest = writer.manifest();
        var publishedTo = new ArrayList<String>();
        var failures = new ArrayList<String>();
        boolean verified = settings.verifyAfterWrite();
        for (int i = 0; i < locations.size(); i++) {
            TolerantLocation location = locations.get(i);
            String failure = location.failure();
            if (failure == null && settings.verifyAfterWrite()) {
                failure = readBack(location.delegate(), started.archiveName, key);
            }
            if (failure == null) {
                publishedTo.add(((LocationSpec.Directory) started.locations.get(i)).path());
            } else {
                failures.add(location.describe() + ": " + failure);
            }
        }
        if (publishedTo.isEmpty()) {
            return failed(progress.get(), "no location took the backup: " + String.join("; ", failures));
        }
        PointState state = failures.isEmpty() ? PointState.SUCCEEDED : PointState.PARTIALLY_FAILED;
        return new PointStore.Outcome(state, manifest.manifest().createdAt(), manifest.manifest().plaintextBytes(),
                manifest.manifest().archiveBytes(), publishedTo.size(), failures.size(), publishedTo, key.keyId(),
                sha256(manifest.toBytes()), expectation, verified && failures.isEmpty(),
                failures.isEmpty() ? null : String.join("; ", failures));
    }

    /** Keys that cannot be reached say themselves what to do; anything else is named by its kind. */
    private static String reason(Exception e) {
        return e instanceof BackupKeysUnavailableException ? e.getMessage()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private PointStore.Outcome failed(long bytes, String reason) {
        return new PointStore.Outcome(PointState.FAILED, null, bytes, 0, 0, 0, List.of(), null, null, null, false,
                reason);
    }

    /** Reads a published copy back whole, manifest signature and every chunk; null if it is sound. */
    private @Nullable String readBack(BackupLocation location, String archiveName, BackupKey key) {
        try (InputStream in = BackupReader.open(location, archiveName, key, ports.keys().manifestPublicKey())) {
            in.transferTo(OutputStream.nullOutputStream());
            return null;
        } catch (IOException | RuntimeException e) {
            return "reading it back failed: " + e.getMessage();
        }
    }

    private BackupPoint finish(Started started, PointStore.Outcome outcome, String actor) {
        Instant now = clock.instant();
        String target = "backup-point:" + started.pointId;
        if (!points.finish(started.pointId, outcome, now)) {
            audit.record(new AuditRecord(actor, "recovery.backup.finished-too-late", target, AuditOutcome.FAILURE,
                    Map.of("plan", started.planId.toString(), "archive", started.archiveName,
                            "state", outcome.state().name())));
            return points.find(started.pointId).orElseThrow();
        }
        var details = new HashMap<String, String>();
        details.put("plan", started.planId.toString());
        details.put("archive", started.archiveName);
        details.put("bytes", Long.toString(outcome.bytesDone()));
        details.put("locationsSucceeded", Integer.toString(outcome.locationsSucceeded()));
        details.put("locationsFailed", Integer.toString(outcome.locationsFailed()));
        String action = switch (outcome.state()) {
            case SUCCEEDED -> "recovery.backup.succeeded";
            case PARTIALLY_FAILED -> "recovery.backup.partially-failed";
            default -> "recovery.backup.failed";
        };
        audit.record(new AuditRecord(actor, action, target,
                outcome.state() == PointState.SUCCEEDED ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE, details));
        BackupPoint point = points.find(started.pointId).orElseThrow();
        if (point.state() == PointState.SUCCEEDED && ports.retention().isPresent()) {
            retainInTransaction(started.planId, actor);
        }
        return points.find(started.pointId).orElseThrow();
    }

    private @Nullable RpoBreached checkSchedule(UUID planId, String actor) {
        PlanStore.StoredPlan plan = plans.lock(planId).orElseThrow();
        Instant now = clock.instant();
        Instant lastGood = points.succeeded(planId).stream().findFirst().map(BackupPoint::createdAt).orElse(null);
        Instant from = lastGood != null ? lastGood : plan.createdAt();
        var next = CronExpression.parse(plan.draft().cron()).next(from.atZone(ZoneOffset.UTC));
        if (next == null) {
            return null;
        }
        Instant deadline = next.toInstant().plus(plan.draft().grace());
        if (!now.isAfter(deadline) || deadline.equals(plan.rpoAlertedFor())) {
            return null;
        }
        plans.rpoAlerted(planId, deadline);
        var breach = new RpoBreached(planId, plan.draft().serviceId(), RpoBreached.Cause.MISSED_SCHEDULE, lastGood,
                deadline, now, RecoveryObjectives.of(plan.draft(), ports.policy()).rpo());
        audit.record(new AuditRecord(actor, "recovery.backup.schedule-missed", BackupPlans.target(planId),
                AuditOutcome.FAILURE, Map.of("deadline", deadline.toString(),
                        "lastGoodBackup", lastGood == null ? "none" : lastGood.toString())));
        events.publishEvent(breach);
        return breach;
    }

    private RetentionOutcome retain(UUID planId, String actor) {
        return tx.execute(status -> retainInTransaction(planId, actor));
    }

    private RetentionOutcome retainInTransaction(UUID planId, String actor) {
        PlanStore.StoredPlan plan = plans.lock(planId).orElseThrow(() -> new NotFoundException("backup plan " + planId));
        List<BackupPoint> complete = points.succeeded(planId);
        var ids = complete.stream().map(BackupPoint::id).toList();
        if (ports.retention().isEmpty()) {
            return new RetentionOutcome(ids, List.of(), List.of(), "no retention calculator is configured");
        }
        if (plan.draft().keep().keepsEverything() || complete.isEmpty()) {
            return new RetentionOutcome(ids, List.of(), List.of(), "the plan keeps every backup");
        }
        var candidates = complete.stream()
                .map(p -> new BackupRetention.Candidate(p.id(), p.createdAt())).toList();
        Map<UUID, String> keep = new HashMap<>(ports.retention().get().keep(plan.draft().keep(), candidates,
                clock.instant()));
        keep.putIfAbsent(complete.getFirst().id(), "newest");
        var kept = new ArrayList<UUID>();
        var removed = new ArrayList<UUID>();
        var problems = new ArrayList<String>();
        for (BackupPoint point : complete) {
            String reason = keep.get(point.id());
            if (reason != null) {
                points.keptBy(point.id(), reason);
                kept.add(point.id());
                continue;
            }
            List<String> leftovers = deleteCopies(point);
            if (leftovers.isEmpty()) {
                points.removed(point.id(), clock.instant());
                removed.add(point.id());
                audit.record(AuditRecord.success(actor, "recovery.backup.expired", "backup-point:" + point.id(),
                        Map.of("plan", planId.toString(), "archive", point.archiveName())));
            } else {
                problems.addAll(leftovers);
                points.keptBy(point.id(), "removal failed");
                audit.record(new AuditRecord(actor, "recovery.backup.expiry-failed", "backup-point:" + point.id(),
                        AuditOutcome.FAILURE, Map.of("plan", planId.toString(), "archive", point.archiveName(),
                                "problems", Integer.toString(leftovers.size()))));
            }
        }
        return new RetentionOutcome(kept, removed, problems, "applied " + plan.draft().keep());
    }

    private List<String> deleteCopies(BackupPoint point) {
        var problems = new ArrayList<String>();
        for (String path : points.publishedTo(point.id())) {
            try {
                BackupLocation location = workbench.location(new LocationSpec.Directory(path));
                // The manifest goes first: an archive without one is an unfinished backup nobody restores.
                location.delete(point.archiveName() + ".manifest");
                location.delete(point.archiveName());
            } catch (IOException | RuntimeException e) {
                problems.add(point.archiveName() + " in " + path + ": " + e.getMessage());
            }
        }
        return problems;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts the plaintext and, every so often, commits a heartbeat with the bytes done. */
    private final class Heartbeat extends FilterOutputStream {
        private final Started started;
        private final AtomicLong progress;
        private long lastBeat = System.nanoTime();

        Heartbeat(OutputStream out, Started started, AtomicLong progress) {
            super(out);
            this.started = started;
            this.progress = progress;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            long done = progress.addAndGet(len);
            running.put(started.planId, new BackupProgress(started.pointId, started.planId, started.archiveName,
                    done, started.at));
            if (System.nanoTime() - lastBeat > settings.heartbeatEvery().toNanos()) {
                lastBeat = System.nanoTime();
                tx.executeWithoutResult(status -> points.heartbeat(started.pointId, done, clock.instant()));
            }
        }

        @Override
        public void close() {
            // The writer is closed by runPlan, which decides between publishing and aborting.
        }
    }
}
