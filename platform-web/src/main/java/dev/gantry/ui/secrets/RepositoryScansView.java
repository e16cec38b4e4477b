package dev.gantry.ui.secrets;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import dev.gantry.domain.InvalidInputException;
import dev.gantry.secrets.RepositoryScan;
import dev.gantry.secrets.ScanFinding;
import dev.gantry.secrets.ScanOutcome;
import dev.gantry.secrets.ScanRun;
import dev.gantry.secrets.SecretRotation;
import dev.gantry.secrets.RotationOutcome;
import dev.gantry.ui.components.Formats;
import dev.gantry.ui.components.Notifications;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * Repository scans (ADR 8) for secrets administrators: start a scan of a repository on this node's disk (it runs in
 * the background; the page polls while one runs), the runs, a run's findings with their redacted previews only,
 * allow-listing a fingerprint with a reason, and rotating a leaked value the vault manages in one click.
 */
@Route("secrets/scans")
@PageTitle("Repository scans · Gantry")
@Menu(order = 35, title = "Repository scans", icon = "SEARCH")
@RolesAllowed("SECRETS_ADMIN")
class RepositoryScansView extends VerticalLayout {

    private static final int POLL_MILLIS = 1000;

    private final RepositoryScan scans;
    private final BackgroundScans background;
    private final SecretRotation rotation;
    private final Grid<ScanRun> runs = new Grid<>();
    private final Grid<ScanFinding> findings = new Grid<>();
    private final ProgressBar running = new ProgressBar();
    private final Span runningText = new Span();
    private @Nullable UUID shownRun;
    private com.vaadin.flow.shared.@Nullable Registration polling;

    RepositoryScansView(RepositoryScan scans, BackgroundScans background, SecretRotation rotation) {
        this.scans = scans;
        this.background = background;
        this.rotation = rotation;
        addClassName("gantry-page");
        setSizeFull();
        TextField repository = new TextField("Repository on this node");
        repository.setId("scan-repository");
        repository.setPlaceholder("/srv/git/payments-api");
        repository.setWidth("32em");
        Button start = new Button("Scan", VaadinIcon.SEARCH.create(), e -> start(repository));
        start.setId("start-scan");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout bar = new HorizontalLayout(repository, start);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        running.setIndeterminate(true);
        running.setId("scan-running");
        running.setWidth("20em");
        runningText.setId("scan-running-text");
        add(bar, new HorizontalLayout(running, runningText));

        runs.setId("scan-runs");
        runs.addColumn(ScanRun::repository).setHeader("Repository").setFlexGrow(3);
        runs.addComponentColumn(RepositoryScansView::outcome).setHeader("Outcome").setAutoWidth(true);
        runs.addColumn(r -> Formats.ago(r.startedAt()) + " by " + r.startedBy()).setHeader("Started")
                .setAutoWidth(true);
        runs.addColumn(r -> r.commitsScanned() + " commits, " + r.blobsScanned() + " files"
                + (r.blobsSkipped() > 0 ? " (" + r.blobsSkipped() + " skipped)" : "")).setHeader("Read")
                .setAutoWidth(true);
        runs.addColumn(r -> r.findings() + (r.allowed() > 0 ? " (+" + r.allowed() + " allowed)" : ""))
                .setHeader("Findings").setAutoWidth(true);
        runs.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        runs.setHeight("14em");
        runs.setEmptyStateText("No scan yet.");
        runs.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                showFindings(e.getValue().id());
            }
        });

        findings.setId("scan-findings");
        findings.addColumn(ScanFinding::rule).setHeader("Rule").setAutoWidth(true);
        findings.addColumn(f -> f.file() + ":" + f.line()).setHeader("Where").setFlexGrow(2)
                .setTooltipGenerator(f -> f.commit());
        findings.addColumn(ScanFinding::preview).setHeader("Preview (redacted)").setAutoWidth(true);
        findings.addColumn(f -> f.author() + ", " + Formats.exact(f.committedAt())).setHeader("Committed")
                .setAutoWidth(true);
        findings.addComponentColumn(this::findingActions).setKey("actions").setAutoWidth(true);
        findings.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        findings.setEmptyStateText("Select a run to see what it found.");
        add(new H3("Runs"), runs, new H3("Findings"));
        addAndExpand(findings);
    }

    private void start(TextField repository) {
        String text = repository.getValue().strip();
        Path admitted;
        try {
            if (text.isEmpty()) {
                throw new InvalidInputException("repository", "no directory at an empty path");
            }
            admitted = scans.admit(Path.of(text));
        } catch (InvalidInputException | java.nio.file.InvalidPathException refused) {
            String reason = refused instanceof InvalidInputException invalid ? invalid.getMessage()
                    : "not a path on this node";
            repository.setInvalid(true);
            repository.setErrorMessage(Character.toUpperCase(reason.charAt(0)) + reason.substring(1));
            return;
        }
        repository.setInvalid(false);
        background.start(admitted);
        Notifications.done("Scanning " + text + " in the background");
        refresh();
    }

    private void refresh() {
        List<ScanRun> latest = scans.runs(50);
        runs.setItems(latest);
        long inProgress = latest.stream().filter(r -> r.outcome() == ScanOutcome.RUNNING).count();
        running.setVisible(inProgress > 0);
        runningText.setText(inProgress > 0 ? inProgress + " scan" + (inProgress == 1 ? "" : "s") + " running…" : "");
        getUI().ifPresent(ui -> ui.setPollInterval(inProgress > 0 ? POLL_MILLIS : -1));
        if (shownRun != null) {
            showFindings(shownRun);
        }
    }

    private void showFindings(UUID run) {
        shownRun = run;
        findings.setItems(scans.findings(run));
    }

    private HorizontalLayout findingActions(ScanFinding finding) {
        HorizontalLayout row = new HorizontalLayout();
        row.setSpacing(false);
        if (finding.managedPath() != null) {
            String path = finding.managedPath();
            String url = RouteConfiguration.forSessionScope().getUrl(SecretsView.class) + "?"
                    + QueryParameters.simple(Map.of("path", path)).getQueryString();
            row.add(new Anchor(url, path));
            Button rotate = new Button("Rotate now", VaadinIcon.REFRESH.create(), e -> rotate(path));
            rotate.setId("rotate-leaked-" + finding.id());
            rotate.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            row.add(rotate);
        }
        Button allow = new Button("Allow", e -> allow(finding));
        allow.setId("allow-" + finding.id());
        allow.setTooltipText("Not a secret, or accepted: later scans skip this fingerprint");
        allow.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        row.add(allow);
        return row;
    }

    private void allow(ScanFinding finding) {
        com.vaadin.flow.component.dialog.Dialog dialog = new com.vaadin.flow.component.dialog.Dialog();
        dialog.setHeaderTitle("Allow this finding in later scans?");
        TextField reason = new TextField("Why");
        reason.setId("allow-reason");
        reason.setWidthFull();
        reason.setMaxLength(RepositoryScan.MAX_REASON);
        Button save = new Button("Allow", e -> {
            try {
                scans.allow(finding.fingerprint(), reason.getValue());
                dialog.close();
                Notifications.done("Later scans skip " + finding.file() + ":" + finding.line());
            } catch (InvalidInputException invalid) {
                reason.setInvalid(true);
                reason.setErrorMessage(invalid.getMessage());
            }
        });
        save.setId("confirm-allow");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new Div(finding.rule() + " in " + finding.file() + ":" + finding.line()), reason);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

    private void rotate(String path) {
        try {
            switch (rotation.rotateNow(path)) {
                case RotationOutcome.Rotated rotated -> Notifications.done("Rotated " + path + " to version "
                        + rotated.version() + ": the leaked value is no longer current");
                case RotationOutcome.Failed failed -> Notifications.refused("Rotation of " + path + " failed at "
                        + failed.step() + ": " + failed.reason());
            }
        } catch (InvalidInputException | dev.gantry.domain.ConflictException | dev.gantry.domain.NotFoundException
                refused) {
            Notifications.refused(refused.getMessage() + " Give it a rotation policy, or write a new value.");
        } catch (AccessDeniedException denied) {
            Notifications.refused("Your policies do not allow rotating " + path + ".");
        }
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        polling = attach.getUI().addPollListener(e -> refresh());
        refresh();
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        detach.getUI().setPollInterval(-1);
        if (polling != null) {
            polling.remove();
            polling = null;
        }
    }

    private static Span outcome(ScanRun run) {
        Span outcome = new Span(run.outcome().name().toLowerCase(java.util.Locale.ROOT));
        outcome.addClassName(switch (run.outcome()) {
            case RUNNING -> "gantry-warn";
            case COMPLETED -> run.findings() == 0 ? "gantry-ok" : "gantry-bad";
            case FAILED -> "gantry-bad";
        });
        if (run.error() != null) {
            outcome.getElement().setAttribute("title", run.error());
        }
        return outcome;
    }
}
