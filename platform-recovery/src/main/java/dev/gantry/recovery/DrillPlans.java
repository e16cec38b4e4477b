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
import dev.gantry.recovery.internal.Workbench;
import dev.gantry.recovery.internal.store.DrillStore;
import dev.gantry.recovery.internal.store.PlanStore;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Restore drill plans. Saving refuses a schedule that fires less often than the active policy pack's
 * {@code recovery.drill every}, and a scratch target that cannot take the backups of the plan drilled.
 */
@Service
public class DrillPlans {

    /** A schedule is checked over this many firings at most: enough to see a month-long gap in a dense cron. */
    private static final int MAX_FIRINGS_CHECKED = 200_000;

    private final DrillStore drills;
    private final PlanStore plans;
    private final Workbench workbench;
    private final RecoveryPorts ports;
    private final RecoveryPermissions permissions;
    private final AuditTrail audit;
    private final Clock clock;

    DrillPlans(DrillStore drills, PlanStore plans, Workbench workbench, RecoveryPorts ports,
            RecoveryPermissions permissions, AuditTrail audit, Clock clock) {
        this.drills = drills;
        this.plans = plans;
        this.workbench = workbench;
        this.ports = ports;
        this.permissions = permissions;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(noRollbackFor = AccessDeniedException.class)
    @PreAuthorize("isAuthenticated()")
    public DrillPlan create(DrillPlanDraft draft) {
        permissions.require(Operation.MANAGE_PLANS, "drill-plan:" + draft.name());
        validate(draft, null);
        UUID id = UUID.randomUUID();
        drills.insertPlan(id, draft, clock.instant(), Actors.current());
        audit.record(AuditRecord.success(Actors.current(), "recovery.drill-plan.created", target(id), details(draft)));
        return drills.plan(id).orElseThrow();
    }

    @Transactional(noRollbackFor = AccessDeniedException.class)
    @PreAuthorize("isAuthenticated()")
    public DrillPlan update(UUID id, long expectedVersion, DrillPlanDraft draft, boolean enabled) {
        permissions.require(Operation.MANAGE_PLANS, target(id));
        drills.plan(id).orElseThrow(() -> new NotFoundException("drill plan " + id));
        validate(draft, id);
        if (!drills.updatePlan(id, expectedVersion, draft, enabled, clock.instant(), Actors.current())) {
            throw new ConflictException("version", "the drill plan was changed by someone else; reload it");
        }
        audit.record(AuditRecord.success(Actors.current(), "recovery.drill-plan.updated", target(id), details(draft)));
        return drills.plan(id).orElseThrow();
    }

    @Transactional(readOnly = true, noRollbackFor = AccessDeniedException.class)
    @PreAuthorize("isAuthenticated()")
    public DrillPlan get(UUID id) {
        permissions.require(Operation.READ, target(id));
        return drills.plan(id).orElseThrow(() -> new NotFoundException("drill plan " + id));
    }

    @Transactional(readOnly = true, noRollbackFor = AccessDeniedException.class)
    @PreAuthorize("isAuthenticated()")
    public List<DrillPlan> list() {
        permissions.require(Operation.READ, "drill-plans");
        return drills.plans();
    }

    private void validate(DrillPlanDraft draft, UUID self) {
        if (draft.scratch() instanceof ScratchSpec.NewPostgresDatabase postgres) {
            // The field the scratch connection's other checks name too (SourceSpec.checkConnection).
            ports.credentials().requireUsable(postgres.credential(), "source.credential");
        }
        PlanStore.StoredPlan backupPlan = plans.find(draft.backupPlanId())
                .orElseThrow(() -> new InvalidInputException("backupPlanId", "no backup plan has this id"));
        if (!CronExpression.isValidExpression(draft.cron())) {
            throw new InvalidInputException("cron", "six fields: second minute hour day-of-month month day-of-week");
        }
        PayloadFormat format = workbench.source(backupPlan.draft().source()).format();
        if (!draft.scratch().accepts(format)) {
            throw new InvalidInputException("scratch", "a " + draft.scratch().getClass().getSimpleName()
                    + " cannot take backups in the " + format + " format of plan " + backupPlan.draft().name());
        }
        Period every = RecoveryObjectives.of(backupPlan.draft(), ports.policy()).drillEvery();
        if (every != null) {
            requireOftenEnough(draft.cron(), every, clock.instant(),
                    ports.policy().defaults().map(RecoveryObjectives::source).orElse("the policy"));
        }
        if (drills.planNameTaken(draft.name(), self)) {
            throw new ConflictException("name", "a drill plan named " + draft.name() + " exists");
        }
    }

    /** Every gap between two firings over the next two years is at most {@code every}. */
    static void requireOftenEnough(String cron, Period every, Instant now, String rule) {
        CronExpression expression = CronExpression.parse(cron);
        ZonedDateTime start = now.atZone(ZoneOffset.UTC);
        ZonedDateTime horizon = start.plusYears(2);
        ZonedDateTime previous = expression.next(start);
        if (previous == null || previous.isAfter(start.plus(every))) {
            throw new InvalidInputException("cron", "the schedule must fire within " + every + " (" + rule + ")");
        }
        for (int i = 0; i < MAX_FIRINGS_CHECKED && previous.isBefore(horizon); i++) {
            ZonedDateTime next = expression.next(previous);
            if (next == null || next.isAfter(previous.plus(every))) {
                throw new InvalidInputException("cron", "drills must run at least every " + every + " (" + rule
                        + "), but this schedule leaves a gap after " + previous.toInstant());
            }
            previous = next;
        }
    }

    private static Map<String, String> details(DrillPlanDraft draft) {
        return Map.of("name", draft.name(), "backupPlan", draft.backupPlanId().toString(), "cron", draft.cron(),
                "selection", draft.selection().name(), "window", draft.window().toString(),
                "validations", Integer.toString(draft.validations().size()));
    }

    static String target(UUID id) {
        return "drill-plan:" + id;
    }
}
