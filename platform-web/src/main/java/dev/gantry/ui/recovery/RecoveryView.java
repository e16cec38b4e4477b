package dev.gantry.ui.recovery;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.gantry.access.ServiceCatalog;
import dev.gantry.config.RecoveryBreaches;
import dev.gantry.config.RecoveryDefaults;
import dev.gantry.recovery.BackupPlan;
import dev.gantry.recovery.BackupPlans;
import dev.gantry.recovery.DrillPlan;
import dev.gantry.recovery.DrillPlanDraft;
import dev.gantry.recovery.DrillPlans;
import dev.gantry.recovery.KeyEscrow;
import dev.gantry.recovery.RecoveryCompliance;
import dev.gantry.recovery.RecoveryPolicy;
import dev.gantry.recovery.ServiceCompliance;
import dev.gantry.scheduling.RecoveryRuns;
import dev.gantry.scheduling.RecoverySchedules;
import dev.gantry.secrets.SecretPolicies;
import dev.gantry.secrets.SecretVault;
import dev.gantry.ui.components.Formats;
import jakarta.annotation.security.RolesAllowed;

/**
 * Recovery at a glance: for each service, whether its backups were proven restorable as often as the policy asks
 * and within its objectives; the plans; what runs now; and, for administrators, the latest breaches.
 */
@Route("recovery")
@PageTitle("Recovery · Gantry")
@Menu(order = 40, title = "Recovery", icon = "ARCHIVE")
@RolesAllowed({"ADMIN", "AUDITOR", "ENGINEER", "VIEWER"})
class RecoveryView extends VerticalLayout {

    private final RecoveryCompliance compliance;
    private final BackupPlans backupPlans;
    private final DrillPlans drillPlans;
    private final RecoveryRuns runs;
    private final RecoveryBreaches breaches;
    private final Clock clock;
    private final Grid<ServiceCompliance> services = new Grid<>();
    private final Grid<BackupPlan> plans = new Grid<>();
    private final Grid<DrillPlan> drills = new Grid<>();
    private final Div running = new Div();
    private final Div latestBreaches = new Div();
    private final Poller poller;
    private final boolean admin = Access.isAdmin();
    private Map<UUID, String> planNames = Map.of();
    private boolean wasActive;

    RecoveryView(RecoveryCompliance compliance, BackupPlans backupPlans, DrillPlans drillPlans, RecoveryRuns runs,
                 RecoveryBreaches breaches, RecoverySchedules schedules, ServiceCatalog catalog,
                 RecoveryDefaults defaults, RecoveryPolicy policy, KeyEscrow escrow, Clock clock,
                 SecretVault vault, SecretPolicies secretPolicies) {
        this.compliance = compliance;
        this.backupPlans = backupPlans;
        this.drillPlans = drillPlans;
        this.runs = runs;
        this.breaches = breaches;
        this.clock = clock;
        addClassName("gantry-page");

        if (admin) {
            Button newPlan = new Button("New backup plan", VaadinIcon.PLUS.create(), e -> new BackupPlanEditor(null,
                    backupPlans, schedules, catalog, defaults, policy, ReadableSecrets.of(vault, secretPolicies),
                    saved -> getUI().ifPresent(
                            ui -> ui.navigate("recovery/plans/" + saved.id()))).open());
            newPlan.setId("new-backup-plan");
            newPlan.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Button newDrill = new Button("New drill plan", VaadinIcon.PLUS.create(), e -> new DrillPlanEditor(null,
                    null, backupPlans.list(), drillPlans, schedules, defaults, saved -> getUI().ifPresent(
                            ui -> ui.navigate("recovery/drills/" + saved.id()))).open());
            newDrill.setId("new-drill-plan");
            Button exportKey = new Button("Export key escrow", VaadinIcon.KEY.create(),
                    e -> new EscrowDialog(escrow).open());
            exportKey.setId("export-escrow");
            add(new HorizontalLayout(newPlan, newDrill, exportKey));
        }

        running.setId("recovery-running");
        add(running);

        services.setId("compliance");
        services.addComponentColumn(this::service).setHeader("Service").setAutoWidth(true);
        services.addComponentColumn(RecoveryView::status).setHeader("Status").setAutoWidth(true);
        services.addComponentColumn(this::drillSummary).setHeader("Restore drills").setFlexGrow(2);
        services.addColumn(c -> Formats.ago(c.lastBackupAt())).setHeader("Last backup").setAutoWidth(true);
        services.addColumn(c -> (c.rpoAchieved() == null && c.lastDrillAt() != null ? "no restorable backup"
                : RecoveryFormats.duration(c.rpoAchieved())) + " / " + RecoveryFormats.duration(c.rpoObjective())).setHeader("RPO achieved / objective").setAutoWidth(true);
        services.addColumn(c -> RecoveryFormats.duration(c.rtoAchieved()) + " / "
                + RecoveryFormats.duration(c.rtoObjective())).setHeader("RTO achieved / objective").setAutoWidth(true);
        services.addColumn(c -> c.findings().isEmpty() ? "—" : String.join("; ", c.findings())).setHeader("Findings")
                .setFlexGrow(3);
        services.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        services.setAllRowsVisible(true);
        services.setEmptyStateText("No service has a backup plan yet."
                + (admin ? " Create one with New backup plan." : " Ask an administrator to create one."));

        plans.setId("backup-plans");
        plans.addComponentColumn(p -> new Anchor("recovery/plans/" + p.id(), p.draft().name())).setHeader("Backup plan")
                .setAutoWidth(true);
        plans.addColumn(p -> p.draft().serviceName()).setHeader("Service").setAutoWidth(true);
        plans.addColumn(p -> BackupPlanEditor.source(p.draft().source())).setHeader("Source").setFlexGrow(2);
        plans.addColumn(p -> p.draft().cron() + " UTC").setHeader("Schedule").setAutoWidth(true);
        plans.addColumn(p -> p.draft().locations().size() + " location" + (p.draft().locations().size() == 1 ? ""
                : "s")).setHeader("Copies").setAutoWidth(true);
        plans.addComponentColumn(p -> p.enabled() ? RecoveryFormats.pill("enabled", RecoveryFormats.Tone.GOOD)
                : RecoveryFormats.pill("disabled", RecoveryFormats.Tone.NEUTRAL)).setHeader("").setAutoWidth(true);
        plans.setAllRowsVisible(true);
        plans.addThemeVariants(GridVariant.LUMO_COMPACT);
        plans.setEmptyStateText("No backup plan yet.");

        drills.setId("drill-plans");
        drills.addComponentColumn(d -> new Anchor("recovery/drills/" + d.id(), d.draft().name()))
                .setHeader("Drill plan").setAutoWidth(true);
        drills.addColumn(d -> planNames.getOrDefault(d.draft().backupPlanId(), "")).setHeader("Restores backups of")
                .setAutoWidth(true);
        drills.addColumn(d -> d.draft().selection() == DrillPlanDraft.Selection.LATEST
                ? "the newest" : "a random one").setHeader("Picks").setAutoWidth(true);
        drills.addColumn(d -> d.draft().cron() + " UTC").setHeader("Schedule").setAutoWidth(true);
        drills.addColumn(d -> d.draft().validations().size() + " check" + (d.draft().validations().size() == 1 ? ""
                : "s")).setHeader("Checks").setAutoWidth(true);
        drills.addComponentColumn(d -> d.enabled() ? RecoveryFormats.pill("enabled", RecoveryFormats.Tone.GOOD)
                : RecoveryFormats.pill("disabled", RecoveryFormats.Tone.NEUTRAL)).setHeader("").setAutoWidth(true);
        drills.setAllRowsVisible(true);
        drills.addThemeVariants(GridVariant.LUMO_COMPACT);
        drills.setEmptyStateText("No drill plan yet: a backup that was never restored proves nothing.");

        add(new H3("Compliance per service"), services, new H3("Backup plans"), plans, new H3("Restore drills"),
                drills);
        if (admin) {
            latestBreaches.setId("latest-breaches");
            add(new H3("Latest breaches"), latestBreaches);
        }
        poller = new Poller(this, this::refreshRunning);
        refresh();
    }

    private void refresh() {
        List<BackupPlan> all = backupPlans.list();
        planNames = all.stream().collect(Collectors.toMap(BackupPlan::id, p -> p.draft().name()));
        services.setItems(compliance.services());
        plans.setItems(all);
        drills.setItems(drillPlans.list());
        if (admin) {
            latestBreaches.removeAll();
            List<RecoveryBreaches.Breach> latest = breaches.latest(10);
            if (latest.isEmpty()) {
                Paragraph none = new Paragraph("No breach since this node started. Breaches are also logged at "
                        + "WARN and kept by the audit trail.");
                none.addClassName("gantry-empty");
                latestBreaches.add(none);
            }
            for (RecoveryBreaches.Breach breach : latest) {
                latestBreaches.add(breachLine(breach));
            }
        }
    }

    private void refreshRunning() {
        List<RecoveryRuns.Run> active = runs.recent(20).stream()
                .filter(r -> r.active() || r.finishedAt() != null
                        && r.finishedAt().isAfter(clock.instant().minusSeconds(60)))
                .toList();
        running.removeAll();
        Instant now = clock.instant();
        if (!active.isEmpty()) {
            running.add(new H3(active.stream().anyMatch(RecoveryRuns.Run::active) ? "Running now"
                    : "Just finished"));
        }
        for (RecoveryRuns.Run run : active) {
            RunPanel panel = new RunPanel(true);
            panel.show(run, now);
            running.add(panel);
        }
        boolean anyActive = active.stream().anyMatch(RecoveryRuns.Run::active);
        poller.keepPolling(anyActive);
        if (!anyActive && wasActive) {
            refresh();
        }
        wasActive = anyActive;
    }

    static Paragraph breachLine(RecoveryBreaches.Breach breach) {
        Span when = new Span(Formats.ago(breach.detectedAt()) + " ");
        when.addClassName("gantry-muted");
        Span kind = RecoveryFormats.pill(switch (breach.kind()) {
            case RPO_BREACHED -> "RPO";
            case RTO_BREACHED -> "RTO";
            case DRILL_FAILED -> "drill failed";
        }, breach.kind() == RecoveryBreaches.Kind.RTO_BREACHED ? RecoveryFormats.Tone.WARN : RecoveryFormats.Tone.BAD);
        Anchor where = breach.drillPlanId() != null
                ? new Anchor("recovery/drills/" + breach.drillPlanId(), breach.serviceId())
                : new Anchor("recovery/plans/" + breach.backupPlanId(), breach.serviceId());
        return new Paragraph(when, kind, where, new Span(" · " + breach.summary()));
    }

    /** The service, and the backup plan (or plans) its row is computed from: where backups run and drills are planned. */
    private Component service(ServiceCompliance c) {
        if (c.backupPlanIds().size() == 1) {
            return planLink(c.serviceName(), c.backupPlanIds().getFirst());
        }
        Div cell = new Div(new Span(c.serviceName()));
        for (UUID planId : c.backupPlanIds()) {
            cell.add(new Span(" · "), planLink(planNames.getOrDefault(planId, "plan"), planId));
        }
        return cell;
    }

    /**
     * The drill summary leads to where one acts on it: the drill plan (run a drill now) when the service has one,
     * otherwise its backup plan (which lists its drill plans and makes new ones).
     */
    private Component drillSummary(ServiceCompliance c) {
        String summary = c.drillSummary(clock.instant());
        if (c.drillPlanIds().size() == 1) {
            Anchor drill = new Anchor("recovery/drills/" + c.drillPlanIds().getFirst(), summary);
            drill.setId("compliance-drill-" + c.serviceId());
            return drill;
        }
        if (c.backupPlanIds().size() == 1) {
            Anchor plan = new Anchor("recovery/plans/" + c.backupPlanIds().getFirst(), summary);
            plan.setId("compliance-drill-" + c.serviceId());
            return plan;
        }
        return new Span(summary);
    }

    private static Anchor planLink(String text, UUID planId) {
        Anchor link = new Anchor("recovery/plans/" + planId, text);
        link.setId("compliance-plan-" + planId);
        return link;
    }

    private static Span status(ServiceCompliance c) {
        return switch (c.status()) {
            case COMPLIANT -> RecoveryFormats.pill("compliant", RecoveryFormats.Tone.GOOD);
            case NOT_COMPLIANT -> RecoveryFormats.pill("not compliant", RecoveryFormats.Tone.BAD);
            case NEVER_PROVEN -> RecoveryFormats.pill("never proven", RecoveryFormats.Tone.WARN);
        };
    }
}
