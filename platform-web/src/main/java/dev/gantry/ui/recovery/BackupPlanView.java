package dev.gantry.ui.recovery;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.gantry.access.ServiceCatalog;
import dev.gantry.config.RecoveryDefaults;
import dev.gantry.domain.NotFoundException;
import dev.gantry.recovery.BackupPlan;
import dev.gantry.recovery.BackupPlans;
import dev.gantry.recovery.BackupPoint;
import dev.gantry.recovery.BackupProgress;
import dev.gantry.recovery.BackupService;
import dev.gantry.recovery.DrillPlan;
import dev.gantry.recovery.DrillPlans;
import dev.gantry.recovery.KeepRules;
import dev.gantry.recovery.LocationSpec;
import dev.gantry.recovery.PointState;
import dev.gantry.recovery.RecoveryPolicy;
import dev.gantry.scheduling.RecoveryRuns;
import dev.gantry.scheduling.RecoverySchedules;
import dev.gantry.secrets.SecretPolicies;
import dev.gantry.secrets.SecretVault;
import dev.gantry.ui.components.Formats;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.support.CronExpression;

/**
 * One backup plan and its catalog of backups: every run with its size, where it was written, whether it was read
 * back, why retention keeps it and whether a drill proved it; run a backup now; restore one on demand.
 */
@Route("recovery/plans/:planId")
@PageTitle("Backup plan · Gantry")
@RolesAllowed({"ADMIN", "AUDITOR", "ENGINEER", "VIEWER"})
class BackupPlanView extends VerticalLayout implements BeforeEnterObserver {

    private final BackupPlans plans;
    private final BackupService backups;
    private final DrillPlans drillPlans;
    private final RecoveryRuns runs;
    private final RecoverySchedules schedules;
    private final ServiceCatalog catalog;
    private final RecoveryDefaults defaults;
    private final RecoveryPolicy policy;
    private final Clock clock;
    private final boolean admin = Access.isAdmin();
    private final Grid<BackupPoint> points = new Grid<>();
    private final RunPanel progress = new RunPanel(false);
    private final Poller poller;
    private @Nullable BackupPlan plan;
    private boolean wasRunning;

    private final SecretVault vault;
    private final SecretPolicies secretPolicies;
    BackupPlanView(BackupPlans plans, BackupService backups, DrillPlans drillPlans, RecoveryRuns runs,
                   RecoverySchedules schedules, ServiceCatalog catalog, RecoveryDefaults defaults,
                   RecoveryPolicy policy, Clock clock, SecretVault vault, SecretPolicies secretPolicies) {
        this.plans = plans;
        this.vault = vault;
        this.secretPolicies = secretPolicies;
        this.backups = backups;
        this.drillPlans = drillPlans;
        this.runs = runs;
        this.schedules = schedules;
        this.catalog = catalog;
        this.defaults = defaults;
        this.policy = policy;
        this.clock = clock;
        addClassName("gantry-page");
        progress.setVisible(false);
        progress.setId("backup-progress");

        points.setId("points");
        points.addColumn(p -> Formats.exact(p.startedAt())).setHeader("Started").setAutoWidth(true);
        points.addComponentColumn(BackupPlanView::state).setHeader("State").setAutoWidth(true);
        points.addColumn(p -> RecoveryFormats.bytes(p.bytesDone()) + (p.archiveBytes() > 0
                ? " → " + RecoveryFormats.bytes(p.archiveBytes()) + " stored" : "")).setHeader("Size")
                .setAutoWidth(true);
        points.addColumn(p -> p.locationsSucceeded() + " of " + (p.locationsSucceeded() + p.locationsFailed()))
                .setHeader("Locations").setAutoWidth(true);
        points.addColumn(p -> p.verified() ? "read back ✓" : "—").setHeader("Verified").setAutoWidth(true);
        points.addColumn(p -> p.keptBy() == null ? "—" : p.keptBy()).setHeader("Kept by").setAutoWidth(true);
        points.addComponentColumn(BackupPlanView::drilled).setHeader("Drill").setAutoWidth(true);
        points.addColumn(p -> p.failure() == null ? p.archiveName() : p.failure()).setHeader("Archive or problem")
                .setFlexGrow(3);
        if (admin) {
            points.addComponentColumn(this::restoreButton).setHeader("").setAutoWidth(true);
        }
        points.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        points.setEmptyStateText("No backup yet. It runs on its schedule, or start one with Run backup now.");
        poller = new Poller(this, this::refreshProgress);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String id = event.getRouteParameters().get("planId").orElse("");
        try {
            plan = plans.get(UUID.fromString(id));
        } catch (IllegalArgumentException | NotFoundException missing) {
            add(new H2("No such backup plan"), new Paragraph("There is no backup plan " + id + ". Go back to "
                    + "Recovery to find the plan you are looking for."), new Anchor("recovery", "Recovery"));
            return;
        }
        show(plan);
    }

    private void show(BackupPlan shown) {
        removeAll();
        var d = shown.draft();
        add(new H2(d.name()), new Paragraph(new Span("Backs up " + d.serviceName() + " · "),
                new Anchor("recovery", "all recovery")));
        if (admin) {
            Button run = new Button("Run backup now", VaadinIcon.PLAY.create(), e -> runNow());
            run.setId("run-backup");
            run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            run.setEnabled(shown.enabled());
            Button edit = new Button("Edit plan", VaadinIcon.EDIT.create(), e -> new BackupPlanEditor(shown, plans,
                    schedules, catalog, defaults, policy, ReadableSecrets.of(vault, secretPolicies),
                    saved -> show(plan = saved)).open());
            edit.setId("edit-plan");
            Button drill = new Button("New drill plan", VaadinIcon.PLUS.create(), e -> new DrillPlanEditor(null,
                    shown.id(), plans.list(), drillPlans, schedules, defaults,
                    saved -> getUI().ifPresent(ui -> ui.navigate("recovery/drills/" + saved.id()))).open());
            drill.setId("new-drill-for-plan");
            add(new HorizontalLayout(run, edit, drill));
            if (!shown.enabled()) {
                add(note("This plan is disabled: it neither runs on its schedule nor can be run now. Edit it and "
                        + "tick Enabled to back it up again."));
            }
        }
        add(progress);
        FlexLayout facts = new FlexLayout(
                fact("What", BackupPlanEditor.source(d.source())),
                fact("When", d.cron() + " UTC" + nextRun(shown)),
                fact("Where", String.join("\n", d.locations().stream()
                        .map(l -> ((LocationSpec.Directory) l).path()).toList())),
                fact("Kept", keep(d.keep())),
                fact("Objectives", "RPO " + RecoveryFormats.duration(shown.objectives().rpo()) + " · RTO "
                        + RecoveryFormats.duration(shown.objectives().rto()) + "\nfrom " + shown.objectives().source()
                        + "\nmissed when late by more than " + RecoveryFormats.duration(d.grace())));
        facts.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        facts.setAlignItems(Alignment.START);
        facts.getStyle().set("gap", "var(--lumo-space-m)");
        facts.setWidthFull();
        add(facts);

        List<DrillPlan> drills = drillPlans.list().stream().filter(p -> p.draft().backupPlanId().equals(shown.id()))
                .toList();
        Div drillLinks = new Div();
        if (drills.isEmpty()) {
            drillLinks.add(note("No drill restores these backups yet: a backup that was never restored proves "
                    + "nothing." + (admin ? " Create one with New drill plan." : "")));
        }
        for (DrillPlan drill : drills) {
            drillLinks.add(new Paragraph(new Anchor("recovery/drills/" + drill.id(), drill.draft().name()),
                    new Span(" · " + drill.draft().cron() + " UTC" + (drill.enabled() ? "" : " · disabled"))));
        }
        add(new H3("Restore drills"), drillLinks, new H3("Backups"), points);
        UUID planId = shown.id();
        points.setItems(query -> backups.points(planId, query.getOffset() + query.getLimit()).stream()
                .skip(query.getOffset()).limit(query.getLimit()));
        refreshProgress();
    }

    private void runNow() {
        if (plan == null) {
            return;
        }
        try {
            progress.show(runs.startBackup(plan.id()), clock.instant());
            progress.setVisible(true);
            poller.keepPolling(true);
            wasRunning = true;
        } catch (RuntimeException refused) {
            new FieldErrors().show(refused);
        }
    }

    private void refreshProgress() {
        if (plan == null) {
            return;
        }
        Optional<RecoveryRuns.Run> here = runs.latestOf(plan.id());
        Instant now = clock.instant();
        boolean running;
        if (here.isPresent() && (here.get().active() || here.get().finishedAt() != null
                && here.get().finishedAt().isAfter(now.minusSeconds(120)))) {
            progress.show(here.get(), now);
            progress.setVisible(true);
            running = here.get().active();
        } else {
            Optional<BackupProgress> elsewhere = backups.progress(plan.id());
            running = elsewhere.isPresent();
            if (running) {
                progress.show(new RecoveryRuns.Run(elsewhere.get().pointId(), RecoveryRuns.Kind.BACKUP, plan.id(),
                        plan.draft().name() + " (started elsewhere)", "", elsewhere.get().startedAt(),
                        RecoveryRuns.State.RUNNING, elsewhere.get().startedAt(), null, elsewhere.get().bytesDone(), 0,
                        null, elsewhere.get().pointId(), null), now);
            }
            progress.setVisible(running);
        }
        if (wasRunning && !running) {
            points.getDataProvider().refreshAll();
        }
        wasRunning = running;
        poller.keepPolling(running);
    }

    private Component restoreButton(BackupPoint point) {
        if (point.state() != PointState.SUCCEEDED && point.state() != PointState.PARTIALLY_FAILED) {
            return new Span();
        }
        Button restore = new Button("Restore…", e -> {
            if (plan != null) {
                new RestoreDialog(plan, point, runs, defaults, clock).open();
            }
        });
        restore.setId("restore-" + point.id());
        restore.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return restore;
    }

    private String nextRun(BackupPlan shown) {
        if (!shown.enabled()) {
            return "\nnot scheduled: the plan is disabled";
        }
        var next = CronExpression.parse(shown.draft().cron()).next(clock.instant().atZone(ZoneOffset.UTC));
        boolean scheduled = schedules.trigger(RecoverySchedules.BACKUP_GROUP, shown.id()).isPresent();
        return (next == null ? "" : "\nnext " + Formats.exact(next.toInstant()))
                + (scheduled ? "" : "\nnot in the scheduler yet: save the plan again");
    }

    static String keep(KeepRules keep) {
        if (keep.keepsEverything()) {
            return "every backup (no keep rules)";
        }
        List<String> parts = new ArrayList<>();
        add(parts, "last", keep.last());
        add(parts, "hourly", keep.hourly());
        add(parts, "daily", keep.daily());
        add(parts, "weekly", keep.weekly());
        add(parts, "monthly", keep.monthly());
        add(parts, "yearly", keep.yearly());
        if (keep.within() != null) {
            parts.add("all within " + RecoveryFormats.duration(keep.within()));
        }
        return String.join(", ", parts);
    }

    private static void add(List<String> parts, String label, int count) {
        if (count > 0) {
            parts.add(label + " " + count);
        }
    }

    static Div fact(String label, String value) {
        Div card = new Div();
        card.addClassName("gantry-card");
        Span title = new Span(label);
        title.addClassName("gantry-muted");
        Div text = new Div();
        text.setText(value);
        text.getStyle().set("white-space", "pre-line");
        card.add(title, text);
        return card;
    }

    static Paragraph note(String text) {
        Paragraph p = new Paragraph(text);
        p.addClassName("gantry-empty");
        return p;
    }

    private static Span state(BackupPoint point) {
        return switch (point.state()) {
            case SUCCEEDED -> RecoveryFormats.pill("SUCCEEDED", RecoveryFormats.Tone.GOOD);
            case PARTIALLY_FAILED -> RecoveryFormats.pill("PARTIALLY FAILED", RecoveryFormats.Tone.WARN);
            case FAILED -> RecoveryFormats.pill("FAILED", RecoveryFormats.Tone.BAD);
            case RUNNING -> RecoveryFormats.pill("RUNNING", RecoveryFormats.Tone.WARN);
            case EXPIRED -> RecoveryFormats.pill("EXPIRED", RecoveryFormats.Tone.NEUTRAL);
        };
    }

    private static Span drilled(BackupPoint point) {
        if (point.latestDrillPassed() == null) {
            return RecoveryFormats.pill("not drilled", RecoveryFormats.Tone.NEUTRAL);
        }
        return point.latestDrillPassed() ? RecoveryFormats.pill("restorable", RecoveryFormats.Tone.GOOD)
                : RecoveryFormats.pill("drill failed", RecoveryFormats.Tone.BAD);
    }
}
