package dev.gantry.recovery;

import dev.gantry.domain.ConflictException;
import dev.gantry.domain.InvalidInputException;
import dev.gantry.domain.NotFoundException;
import dev.gantry.domain.audit.AuditOutcome;
import dev.gantry.domain.audit.AuditRecord;
import dev.gantry.domain.audit.AuditTrail;
import dev.gantry.recovery.internal.Actors;
import dev.gantry.recovery.internal.RecoveryPermissions;
import dev.gantry.recovery.internal.RecoveryPermissions.Operation;
import dev.gantry.recovery.internal.RecoveryPorts;
import dev.gantry.recovery.internal.Workbench;
import dev.gantry.recovery.internal.drill.Archives;
import dev.gantry.recovery.internal.drill.RestoreRun;
import dev.gantry.recovery.internal.store.PointStore;
import dev.gantry.recovery.internal.target.ScratchTarget;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongConsumer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Restores a backup on an administrator's request into a new scratch target of their choice, and leaves it there.
 * Never into an existing database or directory: restoring over live data is a decision for a person with the
 * restored copy in front of them, not for this service.
 */
@Service
public class RestoreOnDemand {

    private final PointStore points;
    private final Workbench workbench;
    private final RecoveryPorts ports;
    private final RecoveryPermissions permissions;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Duration window;

    RestoreOnDemand(PointStore points, Workbench workbench, RecoveryPorts ports, RecoveryPermissions permissions,
            AuditTrail audit, PlatformTransactionManager transactions,
            @Value("${gantry.recovery.restore.window:PT12H}") Duration window) {
        this.points = points;
        this.workbench = workbench;
        this.ports = ports;
        this.permissions = permissions;
        this.audit = audit;
        this.tx = new TransactionTemplate(transactions);
        this.window = window;
    }

    /**
     * Restores the point into {@code target} and checks it against what the backup recorded.
     *
     * @param progress told the plaintext bytes restored so far, from the restoring thread
     * @throws ConflictException (field {@code point}) if the point has no published copy
     * @throws InvalidInputException (field {@code target}) if the target cannot take this kind of backup
     * @throws RestoreFailedException if the restore failed or ran out of time; the target was removed
     */
    @PreAuthorize("isAuthenticated()")
    public RestoreResult restore(UUID pointId, ScratchSpec target, LongConsumer progress) {
        permissions.require(Operation.RESTORE, "backup-point:" + pointId);
        String actor = Actors.current();
        BackupPoint point = tx.execute(s -> points.find(pointId))
                .orElseThrow(() -> new NotFoundException("backup point " + pointId));
        if (point.state() != PointState.SUCCEEDED && point.state() != PointState.PARTIALLY_FAILED) {
            throw new ConflictException("point", "backup " + point.archiveName() + " is " + point.state()
                    + " and has no copy to restore");
        }
        if (!target.accepts(point.format())) {
            throw new InvalidInputException("target", "this target cannot take a " + point.format() + " backup");
        }
        if (target instanceof ScratchSpec.NewPostgresDatabase postgres) {
            ports.credentials().requireUsable(postgres.credential(), "source.credential");
        }
        UUID restoreId = UUID.randomUUID();
        ScratchTarget scratch = workbench.scratch(target, restoreId);
        tx.executeWithoutResult(s -> audit.record(AuditRecord.success(actor, "recovery.restore.started",
                "backup-point:" + pointId, Map.of("restore", restoreId.toString(), "target", scratch.describe()))));
        List<String> publishedTo = tx.execute(s -> points.publishedTo(pointId));
        RestoreExpectation expectation = tx.execute(s -> points.expectation(pointId));
        long start = System.nanoTime();
        RestoreRun.Outcome outcome = RestoreRun.run(Archives.opener(workbench, point, publishedTo,
                ports.keys().byId(point.keyId()), ports.keys().manifestPublicKey()), point.format(), scratch,
                expectation, List.of(new Validation.MatchesExpectation()), window, false, progress);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        boolean restored = !outcome.timedOut() && !outcome.checks().isEmpty() && outcome.checks().getFirst().passed();
        tx.executeWithoutResult(s -> audit.record(new AuditRecord(actor, restored ? "recovery.restore.finished"
                : "recovery.restore.failed", "backup-point:" + pointId,
                restored ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE, Map.of("restore", restoreId.toString(),
                        "target", scratch.describe(), "bytes", Long.toString(outcome.bytes())))));
        if (!restored) {
            String why = outcome.timedOut() ? "the restore window of " + window + " ran out"
                    : outcome.checks().isEmpty() ? "the restore did not run" : outcome.checks().getFirst().detail();
            throw new RestoreFailedException("restoring " + point.archiveName() + " into " + scratch.describe()
                    + " failed: " + why + (outcome.cleanupProblem() == null ? "" : "; " + outcome.cleanupProblem()));
        }
        return new RestoreResult(restoreId, pointId, scratch.describe(), outcome.bytes(), took,
                outcome.checks().getLast());
    }
}
