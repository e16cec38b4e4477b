package dev.gantry.ui.recovery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.vaadin.flow.component.Svg;
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
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.gantry.config.RecoveryDefaults;
import dev.gantry.domain.NotFoundException;
import dev.gantry.recovery.BackupPlan;
import dev.gantry.recovery.BackupPlans;
import dev.gantry.recovery.CheckResult;
import dev.gantry.recovery.DrillPlan;
import dev.gantry.recovery.DrillPlans;
import dev.gantry.recovery.DrillReport;
import dev.gantry.recovery.DrillVerdict;
import dev.gantry.recovery.RestoreDrills;
import dev.gantry.recovery.ScratchSpec;
import dev.gantry.recovery.Validation;
import dev.gantry.scheduling.RecoveryRuns;
import dev.gantry.scheduling.RecoverySchedules;
import dev.gantry.ui.components.Formats;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;

/**
 * One restore drill plan and its evidence: charts of the RTO and RPO each drill achieved against the objectives,
 * and every drill with its verdict, the seed that chose the backup, and each check with what it found and how
 * long it took. Run a drill now.
 */
@Route("recovery/drills/:drillPlanId")
@PageTitle("Restore drill · Gantry")
@RolesAllowed({"ADMIN", "AUDITOR", "ENGINEER", "VIEWER"})
class DrillPlanView extends VerticalLayout implements BeforeEnterObserver {

    static final int CHARTED = 50;

    private final DrillPlans drillPlans;
    private final BackupPlans backupPlans;
    private final RestoreDrills drills;
    private final RecoveryRuns runs;
    private final RecoverySchedules schedules;
    private final RecoveryDefaults defaults;
    private final Clock clock;
    private final boolean admin = Access.isAdmin();
    private final Grid<DrillReport> history = new Grid<>();
    private final FlexLayout charts = new FlexLayout();
    private final RunPanel progress = new RunPanel(false);
    private final Poller poller;
    private @Nullable DrillPlan plan;
    private @Nullable BackupPlan backupPlan;
    private boolean wasRunning;

    DrillPlanView(DrillPlans drillPlans, BackupPlans backupPlans, RestoreDrills drills, RecoveryRuns runs,
                  RecoverySchedules schedules, RecoveryDefaults defaults, Clock clock) {
        this.drillPlans = drillPlans;
        this.backupPlans = backupPlans;
        this.drills = drills;
        this.runs = runs;
        this.schedules = schedules;
        this.defaults = defaults;
        this.clock = clock;
        addClassName("gantry-page");
        progress.setVisible(false);
        progress.setId("drill-progress");
        charts.setId("drill-charts");
        charts.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        charts.getStyle().set("gap", "var(--lumo-space-m)");
        charts.setWidthFull();

        history.setId("drill-history");
        history.addColumn(r -> Formats.exact(r.startedAt())).setHeader("Started").setAutoWidth(true);
        history.addComponentColumn(DrillPlanView::verdict).setHeader("Verdict").setAutoWidth(true);
        history.addColumn(r -> RecoveryFormats.duration(r.rtoAchieved()) + " / "
                + RecoveryFormats.duration(r.objectives().rto())).setHeader("RTO / objective").setAutoWidth(true);
        history.addColumn(r -> RecoveryFormats.duration(r.rpoAchieved()) + " / "
                + RecoveryFormats.duration(r.objectives().rpo())).setHeader("RPO / objective").setAutoWidth(true);
        history.addColumn(r -> Long.toString(r.seed())).setHeader("Seed").setAutoWidth(true);
        history.addColumn(r -> r.checks().stream().filter(CheckResult::passed).count() + " of " + r.checks().size()
                + " passed").setHeader("Checks").setAutoWidth(true);
        history.addColumn(DrillPlanView::reason).setHeader("Why").setFlexGrow(3);
        history.setItemDetailsRenderer(new ComponentRenderer<>(DrillPlanView::evidence));
        history.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        history.setEmptyStateText("No drill yet. It runs on its schedule, or start one with Run drill now.");
        poller = new Poller(this, this::refreshProgress);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String id = event.getRouteParameters().get("drillPlanId").orElse("");
        try {
            plan = drillPlans.get(UUID.fromString(id));
            backupPlan = backupPlans.get(plan.draft().backupPlanId());
        } catch (IllegalArgumentException | NotFoundException missing) {
            add(new H2("No such drill plan"), new Paragraph("There is no drill plan " + id + ". Go back to Recovery "
                    + "to find the plan you are looking for."), new Anchor("recovery", "Recovery"));
            return;
        }
        show(plan);
    }

    private void show(DrillPlan shown) {
        removeAll();
        BackupPlan backups = backupPlans.get(shown.draft().backupPlanId());
        backupPlan = backups;
        var d = shown.draft();
        add(new H2(d.name()), new Paragraph(new Span("Restores backups of "),
                new Anchor("recovery/plans/" + backups.id(), backups.draft().name()),
                new Span(" (" + backups.draft().serviceName() + ") · "), new Anchor("recovery", "all recovery")));
        if (admin) {
            Button run = new Button("Run drill now", VaadinIcon.PLAY.create(), e -> runNow());
            run.setId("run-drill");
            run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            run.setEnabled(shown.enabled());
            Button edit = new Button("Edit drill plan", VaadinIcon.EDIT.create(), e -> new DrillPlanEditor(shown,
                    null, backupPlans.list(), drillPlans, schedules, defaults, saved -> show(plan = saved)).open());
            edit.setId("edit-drill-plan");
            Button escrow = new Button("Escrow drill…", VaadinIcon.KEY.create(), e -> new EscrowDrillDialog(shown, runs,
                    this::watch).open());
            escrow.setId("escrow-drill");
            escrow.setEnabled(shown.enabled());
            add(new HorizontalLayout(run, edit, escrow));
        }
        add(progress);
        FlexLayout facts = new FlexLayout(
                BackupPlanView.fact("When", d.cron() + " UTC" + (shown.enabled() ? "" : "\ndisabled: not scheduled")
                        + "\npolicy: " + (backups.objectives().drillEvery() == null ? "no frequency set"
                        : "drills " + dev.gantry.recovery.ServiceCompliance.every(backups.objectives().drillEvery())
                        + " at least")),
                BackupPlanView.fact("Which backup", d.selection() == dev.gantry.recovery.DrillPlanDraft.Selection.LATEST
                        ? "the newest complete one" : "a random complete one of the last "
                        + RecoveryFormats.duration(d.selectionWindow())),
                BackupPlanView.fact("Restores into", scratch(d.scratch()) + "\nwithin " + RecoveryFormats.duration(
                        d.window()) + ", then removed"),
                BackupPlanView.fact("Checks", String.join("\n", d.validations().stream().map(DrillPlanView::check)
                        .toList())),
                BackupPlanView.fact("Objectives", "RTO " + RecoveryFormats.duration(backups.objectives().rto())
                        + " · RPO " + RecoveryFormats.duration(backups.objectives().rpo()) + "\nfrom "
                        + backups.objectives().source()));
        facts.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        facts.setAlignItems(Alignment.START);
        facts.getStyle().set("gap", "var(--lumo-space-m)");
        facts.setWidthFull();
        add(facts, new H3("Achieved against the objectives"), charts, new H3("Drills"), history);
        UUID id = shown.id();
        history.setItems(query -> drills.reports(id, query.getOffset() + query.getLimit()).stream()
                .skip(query.getOffset()).limit(query.getLimit()));
        drawCharts();
        refreshProgress();
    }

    private void drawCharts() {
        if (plan == null || backupPlan == null) {
            return;
        }
        List<DrillReport> recent = drills.reports(plan.id(), CHARTED);
        List<ObjectiveChart.Sample> rto = recent.stream().map(r -> new ObjectiveChart.Sample(r.finishedAt(),
                r.rtoAchieved(), !r.verdict().restorable(), Formats.exact(r.finishedAt()) + ": " + r.verdict().name()
                + (r.rtoAchieved() == null ? "" : " in " + RecoveryFormats.duration(r.rtoAchieved())))).toList();
        List<ObjectiveChart.Sample> rpo = recent.stream().map(r -> new ObjectiveChart.Sample(r.finishedAt(),
                r.rpoAchieved(), false, Formats.exact(r.finishedAt()) + ": newest restorable backup "
                + (r.rpoAchieved() == null ? "none" : RecoveryFormats.duration(r.rpoAchieved()) + " old"))).toList();
        Duration rtoObjective = recent.isEmpty() ? backupPlan.objectives().rto() : recent.getFirst().objectives().rto();
        Duration rpoObjective = recent.isEmpty() ? backupPlan.objectives().rpo() : recent.getFirst().objectives().rpo();
        charts.removeAll();
        charts.add(chart("rto-chart", ObjectiveChart.svg("RTO achieved: restore and checks", rto, rtoObjective)),
                chart("rpo-chart", ObjectiveChart.svg("RPO achieved: age of the newest restorable backup", rpo,
                        rpoObjective)));
    }

    private static Div chart(String id, String svg) {
        Div holder = new Div(new Svg(svg));
        holder.setId(id);
        holder.addClassName("gantry-chart");
        return holder;
    }

    private void runNow() {
        if (plan == null) {
            return;
        }
        try {
            watch(runs.startDrill(plan.id(), null));
        } catch (RuntimeException refused) {
            new FieldErrors().show(refused);
        }
    }

    private void watch(RecoveryRuns.Run run) {
        progress.show(run, clock.instant());
        progress.setVisible(true);
        poller.keepPolling(true);
        wasRunning = true;
    }

    private void refreshProgress() {
        if (plan == null) {
            return;
        }
        Optional<RecoveryRuns.Run> here = runs.latestOf(plan.id());
        Instant now = clock.instant();
        boolean running = here.isPresent() && here.get().active();
        boolean recent = here.isPresent() && here.get().finishedAt() != null
                && here.get().finishedAt().isAfter(now.minusSeconds(120));
        if (running || recent) {
            progress.show(here.get(), now);
        }
        progress.setVisible(running || recent);
        if (wasRunning && !running) {
            history.getDataProvider().refreshAll();
            drawCharts();
        }
        wasRunning = running;
        poller.keepPolling(running);
    }

    private static Span verdict(DrillReport report) {
        return switch (report.verdict()) {
            case DrillVerdict.Passed p -> RecoveryFormats.pill("PASSED", RecoveryFormats.Tone.GOOD);
            case DrillVerdict.PassedWithRtoBreach b -> RecoveryFormats.pill("PASSED, RTO BREACHED",
                    RecoveryFormats.Tone.WARN);
            case DrillVerdict.Failed f -> RecoveryFormats.pill("FAILED", RecoveryFormats.Tone.BAD);
            case DrillVerdict.TimedOut t -> RecoveryFormats.pill("TIMED OUT", RecoveryFormats.Tone.BAD);
            case DrillVerdict.Interrupted i -> RecoveryFormats.pill("INTERRUPTED", RecoveryFormats.Tone.BAD);
        };
    }

    private static String reason(DrillReport report) {
        return switch (report.verdict()) {
            case DrillVerdict.Passed p -> "restored and checked in " + RecoveryFormats.duration(p.rto());
            case DrillVerdict.PassedWithRtoBreach b -> "took " + RecoveryFormats.duration(b.rto())
                    + ", longer than the RTO of " + RecoveryFormats.duration(b.objective());
            case DrillVerdict.Failed f -> f.firstFailedCheck();
            case DrillVerdict.TimedOut t -> "the validation window of " + RecoveryFormats.duration(t.window())
                    + " ran out; the work was stopped";
            case DrillVerdict.Interrupted i -> i.reason();
        };
    }

    /** The drill's evidence, opened under its row: each check, the backup, the seed, the scratch target. */
    private static Div evidence(DrillReport report) {
        Div box = new Div();
        box.setId("evidence-" + report.drillId());
        for (CheckResult check : report.checks()) {
            Span mark = RecoveryFormats.pill(check.passed() ? "passed" : "failed",
                    check.passed() ? RecoveryFormats.Tone.GOOD : RecoveryFormats.Tone.BAD);
            box.add(new Paragraph(mark, new Span(" " + check.name() + " — " + check.detail() + " ("
                    + RecoveryFormats.duration(check.took()) + ")")));
        }
        Paragraph facts = new Paragraph("Backup " + (report.pointId() == null ? "none" : report.pointId())
                + " · seed " + report.seed() + " · " + report.kind().name().toLowerCase() + " drill by "
                + report.actor() + " · into " + report.scratch() + " · " + Formats.exact(report.startedAt())
                + " to " + Formats.exact(report.finishedAt()) + " · objectives from "
                + report.objectives().source());
        facts.addClassName("gantry-muted");
        box.add(facts);
        if (report.cleanupProblem() != null) {
            box.add(new Paragraph("The scratch target could not be removed: " + report.cleanupProblem()
                    + ". Remove it by hand; it holds a copy of the data."));
        }
        return box;
    }

    private static String scratch(ScratchSpec spec) {
        return switch (spec) {
            case ScratchSpec.NewH2File h -> "a new H2 database under " + h.parent();
            case ScratchSpec.NewDirectory d -> "a new directory under " + d.parent();
            case ScratchSpec.NewPostgresDatabase p -> "a new PostgreSQL database on " + p.host() + ":" + p.port();
        };
    }

    private static String check(Validation validation) {
        return switch (validation) {
            case Validation.MatchesExpectation m -> "matches what the backup recorded";
            case Validation.SqlAssertion s -> s.name() + ": " + s.sql() + " = " + s.expected();
            case Validation.CommandCheck c -> c.name() + ": " + String.join(" ", c.argv());
        };
    }
}
