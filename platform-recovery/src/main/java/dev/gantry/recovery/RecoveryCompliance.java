package dev.gantry.recovery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Compliance per service, computed from the stored plans, points and drill reports through the module's own
 * services (so their read permission applies). Nothing here is stored: it is always what the evidence says now.
 */
@Service
public class RecoveryCompliance {

    /** Enough history to find the newest passing drill behind a run of failures. */
    private static final int REPORTS_CONSIDERED = 200;
    private static final int POINTS_CONSIDERED = 200;

    private final BackupPlans plans;
    private final BackupService backups;
    private final DrillPlans drillPlans;
    private final RestoreDrills drills;
    private final Clock clock;

    RecoveryCompliance(BackupPlans plans, BackupService backups, DrillPlans drillPlans, RestoreDrills drills,
            Clock clock) {
        this.plans = plans;
        this.backups = backups;
        this.drillPlans = drillPlans;
        this.drills = drills;
        this.clock = clock;
    }

    /** Every service with at least one backup plan, by service name. */
    @PreAuthorize("isAuthenticated()")
    public List<ServiceCompliance> services() {
        Map<String, List<BackupPlan>> byService = new LinkedHashMap<>();
        plans.list().stream().sorted(Comparator.comparing((BackupPlan p) -> p.draft().serviceName()))
                .forEach(p -> byService.computeIfAbsent(p.draft().serviceId(), k -> new ArrayList<>()).add(p));
        List<DrillPlan> allDrillPlans = drillPlans.list();
        return byService.values().stream().map(list -> of(list, allDrillPlans)).toList();
    }

    /** @throws dev.gantry.domain.NotFoundException if no backup plan covers the service */
    @PreAuthorize("isAuthenticated()")
    public ServiceCompliance service(String serviceId) {
        List<BackupPlan> list = plans.list().stream().filter(p -> p.draft().serviceId().equals(serviceId)).toList();
        if (list.isEmpty()) {
            throw new dev.gantry.domain.NotFoundException("backup plan for service " + serviceId);
        }
        return of(list, drillPlans.list());
    }

    private ServiceCompliance of(List<BackupPlan> servicePlans, List<DrillPlan> allDrillPlans) {
        Instant now = clock.instant();
        BackupPlan first = servicePlans.getFirst();
        List<UUID> planIds = servicePlans.stream().map(BackupPlan::id).toList();
        List<DrillPlan> serviceDrills = allDrillPlans.stream()
                .filter(d -> planIds.contains(d.draft().backupPlanId())).toList();
        RecoveryObjectives objectives = strictest(servicePlans);

        Instant lastBackup = servicePlans.stream()
                .flatMap(p -> backups.points(p.id(), POINTS_CONSIDERED).stream())
                .filter(BackupPoint::countsTowardRpo).map(BackupPoint::createdAt)
                .max(Comparator.naturalOrder()).orElse(null);
        List<DrillReport> reports = serviceDrills.stream()
                .flatMap(d -> drills.reports(d.id(), REPORTS_CONSIDERED).stream()
                        .filter(r -> !inProgress(r, d.draft().window(), now)))
                .sorted(Comparator.comparing(DrillReport::finishedAt).reversed()).toList();
        Optional<DrillReport> latest = reports.stream().findFirst();
        Optional<DrillReport> latestPassing = reports.stream().filter(r -> r.verdict().restorable()).findFirst();

        Instant dueBy = latestPassing.isPresent() && objectives.drillEvery() != null
                ? latestPassing.get().finishedAt().atZone(ZoneOffset.UTC).plus(objectives.drillEvery()).toInstant()
                : null;
        var findings = new ArrayList<String>();
        if (serviceDrills.isEmpty()) {
            findings.add("no drill plan restores its backups");
        } else if (serviceDrills.stream().noneMatch(DrillPlan::enabled)) {
            findings.add("every drill plan of the service is disabled");
        }
        if (lastBackup == null) {
            findings.add("no complete backup yet");
        }
        if (latestPassing.isEmpty()) {
            findings.add("no drill has proved a backup restorable yet");
        } else if (dueBy != null && now.isAfter(dueBy)) {
            findings.add("last passing drill " + ServiceCompliance.ago(latestPassing.get().finishedAt(), now)
                    + "; policy requires " + ServiceCompliance.every(objectives.drillEvery()));
        }
        latest.filter(r -> !r.verdict().restorable()).ifPresent(r -> findings.add("the last drill "
                + r.verdict().name() + ": " + failure(r.verdict())));
        Duration rpo = latest.map(DrillReport::rpoAchieved).orElse(null);
        if (rpo != null && objectives.rpo() != null && rpo.compareTo(objectives.rpo()) > 0) {
            findings.add("the last drill measured an RPO of " + ServiceCompliance.human(rpo)
                    + ", the objective is " + ServiceCompliance.human(objectives.rpo()));
        }
        Duration rto = latestPassing.map(DrillReport::rtoAchieved).orElse(null);
        if (rto != null && objectives.rto() != null && rto.compareTo(objectives.rto()) > 0) {
            findings.add("the last passing drill took " + ServiceCompliance.human(rto)
                    + " to restore, the RTO is " + ServiceCompliance.human(objectives.rto()));
        }
        ServiceCompliance.Status status = latestPassing.isEmpty() ? ServiceCompliance.Status.NEVER_PROVEN
                : findings.isEmpty() ? ServiceCompliance.Status.COMPLIANT : ServiceCompliance.Status.NOT_COMPLIANT;
        return new ServiceCompliance(first.draft().serviceId(), first.draft().serviceName(), planIds,
                serviceDrills.stream().map(DrillPlan::id).toList(), status, lastBackup,
                latest.map(DrillReport::finishedAt).orElse(null), latest.map(r -> r.verdict().name()).orElse(null),
                latestPassing.map(DrillReport::finishedAt).orElse(null), objectives.drillEvery(), dueBy,
                objectives.rpo(), rpo, objectives.rto(), rto, objectives.source(), findings);
    }

    /**
     * A drill still running is stored without a verdict and reads as one that never finished; within its window
     * (and a minute for cleanup) it is not evidence either way yet.
     */
    static boolean inProgress(DrillReport report, Duration window, Instant now) {
        return report.finishedAt().equals(report.startedAt())
                && report.verdict() instanceof DrillVerdict.Failed failed
                && failed.firstFailedCheck().startsWith("the drill did not finish")
                && now.isBefore(report.startedAt().plus(window).plusSeconds(60));
    }

    /** A service with several plans is held to the tightest objective any of them states. */
    private static RecoveryObjectives strictest(List<BackupPlan> servicePlans) {
        Duration rpo = servicePlans.stream().map(p -> p.objectives().rpo()).filter(d -> d != null)
                .min(Comparator.naturalOrder()).orElse(null);
        Duration rto = servicePlans.stream().map(p -> p.objectives().rto()).filter(d -> d != null)
                .min(Comparator.naturalOrder()).orElse(null);
        RecoveryObjectives first = servicePlans.getFirst().objectives();
        return new RecoveryObjectives(rpo, rto, first.drillEvery(), first.source());
    }

    private static String failure(DrillVerdict verdict) {
        return switch (verdict) {
            case DrillVerdict.Failed f -> f.firstFailedCheck();
            case DrillVerdict.TimedOut t -> "the validation window of " + t.window() + " ran out";
            case DrillVerdict.Interrupted i -> i.reason();
            default -> "";
        };
    }
}
