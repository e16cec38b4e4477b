package dev.gantry.recovery;

import dev.gantry.domain.ConflictException;
import dev.gantry.domain.InvalidInputException;
import dev.gantry.domain.NotFoundException;
import dev.gantry.domain.audit.AuditRecord;
import dev.gantry.domain.audit.AuditTrail;
import dev.gantry.recovery.internal.Actors;
import dev.gantry.recovery.internal.RecoveryPermissions;
import dev.gantry.recovery.internal.RecoveryPermissions.Operation;
import dev.gantry.recovery.internal.RecoveryPorts;
import dev.gantry.recovery.internal.RecoverySettings;
import dev.gantry.recovery.internal.store.PlanStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Backup plans per service: what is backed up, when, where, what is kept, and which objectives apply. */
@Service
public class BackupPlans {

    private final PlanStore plans;
    private final RecoveryPermissions permissions;
    private final RecoveryPorts ports;
    private final AuditTrail audit;
    private final Clock clock;
    private final Path keyDirectory;

    BackupPlans(PlanStore plans, RecoveryPermissions permissions, RecoveryPorts ports, AuditTrail audit, Clock clock,
            RecoverySettings settings) {
        this.plans = plans;
        this.permissions = permissions;
        this.ports = ports;
        this.audit = audit;
        this.clock = clock;
        this.keyDirectory = settings.keyDirectory().normalize();
    }

    @Transactional(noRollbackFor = AccessDeniedException.class)
    @PreAuthorize("isAuthenticated()")
    public BackupPlan create(BackupPlanDraft draft) {
        permissions.require(Operation.MANAGE_PLANS, "backup-plan:" + draft.name());
        validate(draft, null);
        UUID id = UUID.randomUUID();
        plans.insert(id, draft, clock.instant(), Actors.current());
        audit.record(AuditRecord.success(Actors.current(), "recovery.plan.created", target(id), details(draft)));
        return get(id);
    }

    /** @throws ConflictException (field {@code version}) if the plan changed since {@code expectedVersion} */
    @Transactional(noRollbackFor = AccessDeniedException.class)
    @PreAuthorize("isAuthenticated()")
    public BackupPlan update(UUID id, long expectedVersion, BackupPlanDraft draft, boolean enabled) {
        permissions.require(Operation.MANAGE_PLANS, target(id));
        plans.find(id).orElseThrow(() -> new NotFoundException("backup plan " + id));
        validate(draft, id);
        if (!plans.update(id, expectedVersion, draft, enabled, clock.instant(), Actors.current())) {
            throw new ConflictException("version", "the plan was changed by someone else; reload it");
        }
        var details = new java.util.HashMap<>(details(draft));
        details.put("enabled", Boolean.toString(enabled));
        audit.record(AuditRecord.success(Actors.current(), "recovery.plan.updated", target(id), details));
        return get(id);
    }

    @Transactional(readOnly = true, noRollbackFor = AccessDeniedException.class)
    @PreAuthorize("isAuthenticated()")
    public BackupPlan get(UUID id) {
        permissions.require(Operation.READ, target(id));
        return view(plans.find(id).orElseThrow(() -> new NotFoundException("backup plan " + id)));
    }

    @Transactional(readOnly = true, noRollbackFor = AccessDeniedException.class)
    @PreAuthorize("isAuthenticated()")
    public List<BackupPlan> list() {
        permissions.require(Operation.READ, "backup-plans");
        return plans.all().stream().map(this::view).toList();
    }

    BackupPlan view(PlanStore.StoredPlan stored) {
        return new BackupPlan(stored.id(), stored.draft(), RecoveryObjectives.of(stored.draft(), ports.policy()), stored.enabled(),
                stored.createdAt(), stored.createdBy(), stored.updatedAt(), stored.updatedBy(), stored.version());
    }

    private void validate(BackupPlanDraft draft, UUID self) {
        if (draft.source() instanceof SourceSpec.PostgresDatabase postgres) {
            ports.credentials().requireUsable(postgres.credential(), "source.credential");
        }
        if (!CronExpression.isValidExpression(draft.cron())) {
            throw new InvalidInputException("cron", "six fields: second minute hour day-of-month month day-of-week");
        }
        if (CronExpression.parse(draft.cron()).next(Instant.EPOCH.atZone(java.time.ZoneOffset.UTC)) == null) {
            throw new InvalidInputException("cron", "the schedule never fires");
        }
        for (LocationSpec location : draft.locations()) {
            if (location instanceof LocationSpec.Directory directory && holdsKeys(Path.of(directory.path()))) {
                // Whoever can read a backup location must not find the keys that open its archives there too.
                throw new InvalidInputException("locations", directory.path() + " holds the backup keys ("
                        + keyDirectory + "); choose a location outside it");
            }
        }
        if (plans.nameTaken(draft.name(), self)) {
            throw new ConflictException("name", "a backup plan named " + draft.name() + " exists");
        }
    }

    private boolean holdsKeys(Path location) {
        return keyDirectory.startsWith(location.normalize()) || real(keyDirectory).startsWith(real(location));
    }

    /** Through symbolic links where the path exists, so a link to the data directory is recognised too. */
    private static Path real(Path path) {
        try {
            return path.toRealPath();
        } catch (java.io.IOException e) {
            return path.normalize();
        }
    }

    private static Map<String, String> details(BackupPlanDraft draft) {
        return Map.of("name", draft.name(), "service", draft.serviceId(), "cron", draft.cron(),
                "source", draft.source().getClass().getSimpleName(), "locations",
                Integer.toString(draft.locations().size()));
    }

    static String target(UUID id) {
        return "backup-plan:" + id;
    }
}
