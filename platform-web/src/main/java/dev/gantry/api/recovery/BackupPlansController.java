package dev.gantry.api.recovery;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.gantry.access.ServiceCatalog;
import dev.gantry.api.PageResponse;
import dev.gantry.api.recovery.RecoveryJson.Keep;
import dev.gantry.api.recovery.RecoveryJson.Source;
import dev.gantry.config.RecoveryDefaults;
import dev.gantry.domain.InvalidInputException;
import dev.gantry.domain.NotFoundException;
import dev.gantry.recovery.BackupPlan;
import dev.gantry.recovery.BackupPlanDraft;
import dev.gantry.recovery.BackupPlans;
import dev.gantry.recovery.BackupPoint;
import dev.gantry.recovery.BackupService;
import dev.gantry.recovery.KeepRules;
import dev.gantry.recovery.LocationSpec;
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

/** Backup plans and the points (runs) they produced; starting a backup now. */
@RestController
@RequestMapping("/api/v1/recovery")
class BackupPlansController {

    static final Duration DEFAULT_GRACE = Duration.ofHours(1);

    /**
     * A plan as written. {@code serviceName} defaults to the catalog's name of {@code serviceId}, {@code locations}
     * to the installation's primary and secondary backup locations, {@code keep} to keeping everything,
     * {@code grace} to one hour; {@code rpo}/{@code rto} override the policy pack's. On update {@code version} is
     * the version read, and {@code enabled} defaults to true.
     */
    record PlanRequest(@Nullable String serviceId, @Nullable String serviceName, @Nullable String name,
                       @Nullable Source source, @Nullable String cron, @Nullable List<String> locations,
                       @Nullable Keep keep, @Nullable String rpo, @Nullable String rto, @Nullable String grace,
                       @Nullable Boolean enabled, @Nullable Long version) {
    }

    record Objectives(@Nullable String rpo, @Nullable String rto, @Nullable String drillEvery, String source) {
    }

    record PlanResponse(UUID id, String serviceId, String serviceName, String name, Source source, String cron,
                        List<String> locations, Keep keep, @Nullable String rpoOverride,
                        @Nullable String rtoOverride, String grace, boolean enabled, Objectives objectives,
                        Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, long version,
                        boolean scheduled) {
    }

    private final BackupPlans plans;
    private final BackupService backups;
    private final RecoveryRuns runs;
    private final RecoverySchedules schedules;
    private final ServiceCatalog catalog;
    private final RecoveryDefaults defaults;

    BackupPlansController(BackupPlans plans, BackupService backups, RecoveryRuns runs, RecoverySchedules schedules,
                          ServiceCatalog catalog, RecoveryDefaults defaults) {
        this.plans = plans;
        this.backups = backups;
        this.runs = runs;
        this.schedules = schedules;
        this.catalog = catalog;
        this.defaults = defaults;
    }

    @GetMapping("/plans")
    @PreAuthorize("hasAuthority('SCOPE_recovery:read')")
    List<PlanResponse> list() {
        return plans.list().stream().map(this::response).toList();
    }

    @GetMapping("/plans/{id}")
    @PreAuthorize("hasAuthority('SCOPE_recovery:read')")
    PlanResponse get(@PathVariable UUID id) {
        return response(plans.get(id));
    }

    @PostMapping("/plans")
    @PreAuthorize("hasAuthority('SCOPE_recovery:write')")
    ResponseEntity<PlanResponse> create(@RequestBody PlanRequest request) {
        BackupPlan plan = plans.create(draft(request));
        schedules.sync(plan);
        return ResponseEntity.created(URI.create("/api/v1/recovery/plans/" + plan.id())).body(response(plan));
    }

    @PutMapping("/plans/{id}")
    @PreAuthorize("hasAuthority('SCOPE_recovery:write')")
    PlanResponse update(@PathVariable UUID id, @RequestBody PlanRequest request) {
        long version = RecoveryJson.required(request.version(), "version");
        BackupPlan plan = plans.update(id, version, draft(request), request.enabled() == null || request.enabled());
        schedules.sync(plan);
        return response(plan);
    }

    /** Starts a backup in the background: 202, and where to watch it. */
    @PostMapping("/plans/{id}/backups")
    @PreAuthorize("hasAuthority('SCOPE_recovery:write')")
    ResponseEntity<RunsController.RunResponse> backupNow(@PathVariable UUID id) {
        return RunsController.accepted(runs.startBackup(id));
    }

    /** The plan's points, newest first: every run, failed ones included (at most the newest 1,000). */
    @GetMapping("/plans/{id}/points")
    @PreAuthorize("hasAuthority('SCOPE_recovery:read')")
    PageResponse<BackupPoint> points(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
                      @RequestParam(defaultValue = "50") int size) {
        return PageResponse.slice(backups.points(id, 1000), page, size);
    }

    @GetMapping("/points/{id}")
    @PreAuthorize("hasAuthority('SCOPE_recovery:read')")
    BackupPoint point(@PathVariable UUID id) {
        return backups.point(id);
    }

    private BackupPlanDraft draft(PlanRequest request) {
        String serviceId = RecoveryJson.required(request.serviceId(), "serviceId").strip();
        String serviceName = request.serviceName() != null && !request.serviceName().isBlank()
                ? request.serviceName() : catalogName(serviceId);
        String cron = RecoveryJson.required(request.cron(), "cron").strip();
        RecoverySchedules.requireSchedulable(cron);
        List<String> locations = request.locations() == null || request.locations().isEmpty()
                ? defaults.locations() : request.locations();
        return new BackupPlanDraft(serviceId, serviceName, RecoveryJson.required(request.name(), "name"),
                RecoveryJson.required(request.source(), "source").toSpec(), cron,
                locations.stream().<LocationSpec>map(path -> new LocationSpec.Directory(path == null ? "" : path))
                        .toList(),
                request.keep() == null ? KeepRules.everything() : request.keep().toRules(),
                RecoveryJson.optionalDuration(request.rpo(), "rpo"), RecoveryJson.optionalDuration(request.rto(), "rto"),
                RecoveryJson.duration(request.grace(), "grace", DEFAULT_GRACE));
    }

    private String catalogName(String serviceId) {
        try {
            return catalog.get(serviceId).name();
        } catch (NotFoundException notInCatalog) {
            throw new InvalidInputException("serviceName", "'" + serviceId + "' is not in the service catalog; "
                    + "give the service's name");
        }
    }

    private PlanResponse response(BackupPlan plan) {
        BackupPlanDraft d = plan.draft();
        var objectives = new Objectives(RecoveryJson.text(plan.objectives().rpo()),
                RecoveryJson.text(plan.objectives().rto()),
                plan.objectives().drillEvery() == null ? null : plan.objectives().drillEvery().toString(),
                plan.objectives().source());
        return new PlanResponse(plan.id(), d.serviceId(), d.serviceName(), d.name(), Source.of(d.source()), d.cron(),
                d.locations().stream().map(l -> ((LocationSpec.Directory) l).path()).toList(), Keep.of(d.keep()),
                RecoveryJson.text(d.rpo()), RecoveryJson.text(d.rto()), d.grace().toString(), plan.enabled(),
                objectives, plan.createdAt(), plan.createdBy(), plan.updatedAt(), plan.updatedBy(), plan.version(),
                schedules.trigger(RecoverySchedules.BACKUP_GROUP, plan.id()).isPresent());
    }
}
