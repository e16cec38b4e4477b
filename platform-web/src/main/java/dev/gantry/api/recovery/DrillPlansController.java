package dev.gantry.api.recovery;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.gantry.api.PageResponse;
import dev.gantry.api.RequestValues;
import dev.gantry.api.recovery.RecoveryJson.Check;
import dev.gantry.api.recovery.RecoveryJson.Scratch;
import dev.gantry.config.RecoveryDefaults;
import dev.gantry.domain.InvalidInputException;
import dev.gantry.recovery.BackupPlans;
import dev.gantry.recovery.CheckResult;
import dev.gantry.recovery.DrillPlan;
import dev.gantry.recovery.DrillPlanDraft;
import dev.gantry.recovery.DrillPlans;
import dev.gantry.recovery.DrillReport;
import dev.gantry.recovery.DrillVerdict;
import dev.gantry.recovery.RestoreDrills;
import dev.gantry.recovery.ScratchSpec;
import dev.gantry.recovery.Validation;
import dev.gantry.scheduling.RecoveryRuns;
import dev.gantry.scheduling.RecoverySchedules;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Restore drill plans, running a drill now, and the drills' evidence. */
@RestController
@RequestMapping("/api/v1/recovery")
class DrillPlansController {

    static final Duration DEFAULT_WINDOW = Duration.ofHours(1);

    /**
     * A drill plan as written. {@code selection} is LATEST (default) or RANDOM (with {@code selectionWindow});
     * {@code scratch} defaults to a new H2 file or directory under the installation's scratch directory (a
     * PostgreSQL backup needs a server named); {@code validations} default to the recorded expectation;
     * {@code window} (restore and checks together) to one hour.
     */
    record DrillPlanRequest(@Nullable String name, @Nullable String backupPlanId, @Nullable String cron,
                            @Nullable String selection, @Nullable String selectionWindow, @Nullable Scratch scratch,
                            @Nullable List<Check> validations, @Nullable String window, @Nullable Boolean enabled,
                            @Nullable Long version) {
    }

    record DrillPlanResponse(UUID id, String name, UUID backupPlanId, String cron, String selection,
                             @Nullable String selectionWindow, Scratch scratch, List<Check> validations,
                             String window, boolean enabled, Instant createdAt, String createdBy, Instant updatedAt,
                             String updatedBy, long version, boolean scheduled) {
    }

    record DrillRequest(@Nullable Long seed) {
    }

    /** The escrow text as exported and its passphrase: the drill proves they alone open the newest backup. */
    record EscrowDrillRequest(@Nullable String escrow, @Nullable String passphrase) {
    }

    record CheckEvidence(String name, boolean passed, String detail, long tookMillis) {

        static CheckEvidence of(CheckResult check) {
            return new CheckEvidence(check.name(), check.passed(), check.detail(), check.took().toMillis());
        }
    }

    /** A drill's evidence: verdict, every check, the seed that chose the backup, RTO and RPO against objectives. */
    record DrillReportResponse(UUID drillId, UUID drillPlanId, UUID backupPlanId, @Nullable UUID pointId,
                               String kind, long seed, String scratch, String verdict, @Nullable String failure,
                               List<CheckEvidence> checks, Instant startedAt, Instant finishedAt,
                               @Nullable String rtoAchieved, @Nullable String rtoObjective,
                               @Nullable String rpoAchieved, @Nullable String rpoObjective, String objectivesSource,
                               @Nullable String cleanupProblem, String actor) {

        static DrillReportResponse of(DrillReport r) {
            String failure = switch (r.verdict()) {
                case DrillVerdict.Failed f -> f.firstFailedCheck();
                case DrillVerdict.TimedOut t -> "the validation window of " + t.window() + " ran out";
                case DrillVerdict.Interrupted i -> i.reason();
                default -> null;
            };
            return new DrillReportResponse(r.drillId(), r.drillPlanId(), r.backupPlanId(), r.pointId(),
                    r.kind().name(), r.seed(), r.scratch(), r.verdict().name(), failure,
                    r.checks().stream().map(CheckEvidence::of).toList(), r.startedAt(), r.finishedAt(),
                    RecoveryJson.text(r.rtoAchieved()), RecoveryJson.text(r.objectives().rto()),
                    RecoveryJson.text(r.rpoAchieved()), RecoveryJson.text(r.objectives().rpo()),
                    r.objectives().source(), r.cleanupProblem(), r.actor());
        }
    }

    private final DrillPlans drillPlans;
    private final BackupPlans backupPlans;
    private final RestoreDrills drills;
    private final RecoveryRuns runs;
    private final RecoverySchedules schedules;
    private final RecoveryDefaults defaults;

    DrillPlansController(DrillPlans drillPlans, BackupPlans backupPlans, RestoreDrills drills, RecoveryRuns runs,
                         RecoverySchedules schedules, RecoveryDefaults defaults) {
        this.drillPlans = drillPlans;
        this.backupPlans = backupPlans;
        this.drills = drills;
        this.runs = runs;
        this.schedules = schedules;
        this.defaults = defaults;
    }

    @GetMapping("/drill-plans")
    @PreAuthorize("hasAuthority('SCOPE_recovery:read')")
    List<DrillPlanResponse> list() {
        return drillPlans.list().stream().map(this::response).toList();
    }

    @GetMapping("/drill-plans/{id}")
    @PreAuthorize("hasAuthority('SCOPE_recovery:read')")
    DrillPlanResponse get(@PathVariable UUID id) {
        return response(drillPlans.get(id));
    }

    @PostMapping("/drill-plans")
    @PreAuthorize("hasAuthority('SCOPE_recovery:write')")
    ResponseEntity<DrillPlanResponse> create(@RequestBody DrillPlanRequest request) {
        DrillPlan plan = drillPlans.create(draft(request));
        schedules.sync(plan);
        return ResponseEntity.created(URI.create("/api/v1/recovery/drill-plans/" + plan.id())).body(response(plan));
    }

    @PutMapping("/drill-plans/{id}")
    @PreAuthorize("hasAuthority('SCOPE_recovery:write')")
    DrillPlanResponse update(@PathVariable UUID id, @RequestBody DrillPlanRequest request) {
        long version = RecoveryJson.required(request.version(), "version");
        DrillPlan plan = drillPlans.update(id, version, draft(request),
                request.enabled() == null || request.enabled());
        schedules.sync(plan);
        return response(plan);
    }

    /** Starts a drill in the background: 202, and where to watch it. {@code seed} repeats an earlier choice. */
    @PostMapping("/drill-plans/{id}/drills")
    @PreAuthorize("hasAuthority('SCOPE_recovery:write')")
    ResponseEntity<RunsController.RunResponse> drillNow(@PathVariable UUID id,
                                                        @RequestBody(required = false) @Nullable DrillRequest request) {
        return RunsController.accepted(runs.startDrill(id, request == null ? null : request.seed()));
    }

    /** Starts an escrow drill in the background: 202, and where to watch it. */
    @PostMapping("/drill-plans/{id}/escrow-drills")
    @PreAuthorize("hasAuthority('SCOPE_recovery:write')")
    ResponseEntity<RunsController.RunResponse> escrowDrillNow(@PathVariable UUID id,
                                                              @RequestBody EscrowDrillRequest request) {
        String escrow = RecoveryJson.required(request.escrow(), "escrow");
        char[] passphrase = RecoveryJson.required(request.passphrase(), "passphrase").toCharArray();
        try {
            return RunsController.accepted(runs.startEscrowDrill(id, escrow, passphrase));
        } finally {
            java.util.Arrays.fill(passphrase, '\0');
        }
    }

    /** The plan's drills, newest first (at most the newest 1,000). */
    @GetMapping("/drill-plans/{id}/reports")
    @PreAuthorize("hasAuthority('SCOPE_recovery:read')")
    PageResponse<DrillReportResponse> reports(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
                                              @RequestParam(defaultValue = "20") int size) {
        return PageResponse.slice(drills.reports(id, 1000).stream().map(DrillReportResponse::of).toList(), page,
                size);
    }

    @GetMapping("/drills/{id}")
    @PreAuthorize("hasAuthority('SCOPE_recovery:read')")
    DrillReportResponse report(@PathVariable UUID id) {
        return DrillReportResponse.of(drills.report(id));
    }

    private DrillPlanDraft draft(DrillPlanRequest request) {
        UUID backupPlanId = RecoveryJson.uuid(request.backupPlanId(), "backupPlanId");
        String cron = RecoveryJson.required(request.cron(), "cron").strip();
        RecoverySchedules.requireSchedulable(cron);
        ScratchSpec scratch = request.scratch() != null ? request.scratch().toSpec()
                : defaults.scratchFor(backupPlans.get(backupPlanId).draft().source()).orElseThrow(
                        () -> new InvalidInputException("scratch", "a PostgreSQL backup restores into a new database "
                                + "on a server: give scratch {kind: POSTGRES, host, port, user, credential}"));
        List<Validation> validations = request.validations() == null || request.validations().isEmpty()
                ? List.of(new Validation.MatchesExpectation())
                : request.validations().stream().map(Check::toValidation).toList();
        DrillPlanDraft.Selection selection = request.selection() == null ? DrillPlanDraft.Selection.LATEST
                : RequestValues.enumValue(DrillPlanDraft.Selection.class, "selection", request.selection());
        return new DrillPlanDraft(RecoveryJson.required(request.name(), "name"), backupPlanId, cron, selection,
                RecoveryJson.optionalDuration(request.selectionWindow(), "selectionWindow"), scratch, validations,
                RecoveryJson.duration(request.window(), "window", DEFAULT_WINDOW));
    }

    private DrillPlanResponse response(DrillPlan plan) {
        DrillPlanDraft d = plan.draft();
        return new DrillPlanResponse(plan.id(), d.name(), d.backupPlanId(), d.cron(), d.selection().name(),
                RecoveryJson.text(d.selectionWindow()), Scratch.of(d.scratch()),
                d.validations().stream().map(Check::of).toList(), d.window().toString(), plan.enabled(),
                plan.createdAt(), plan.createdBy(), plan.updatedAt(), plan.updatedBy(), plan.version(),
                schedules.trigger(RecoverySchedules.DRILL_GROUP, plan.id()).isPresent());
    }
}
