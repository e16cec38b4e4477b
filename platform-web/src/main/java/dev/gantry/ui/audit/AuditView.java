package dev.gantry.ui.audit;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import dev.gantry.access.AuditEntryView;
import dev.gantry.access.AuditExport;
import dev.gantry.access.AuditLog;
import dev.gantry.access.AuditQuery;
import dev.gantry.access.AuditVerification;
import dev.gantry.access.AuditVerifier;
import dev.gantry.domain.audit.AuditOutcome;
import dev.gantry.ui.components.Formats;
import jakarta.annotation.security.RolesAllowed;

/**
 * The audit trail: filter by actor, action, target and day; page lazily through any number of entries; verify the
 * hash chain against the last signed checkpoint; export what the filter shows.
 */
@Route("audit")
@PageTitle("Audit trail · Gantry")
@Menu(order = 60, title = "Audit trail", icon = "RECORDS")
@RolesAllowed({"ADMIN", "AUDITOR"})
class AuditView extends VerticalLayout {

    private final AuditLog log;
    private final Grid<AuditEntryView> grid = new Grid<>();
    private final TextField actor = filterField("Actor");
    private final TextField action = filterField("Action starts with");
    private final TextField target = filterField("Target contains");
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To");
    private final Div verdict = new Div();

    AuditView(AuditLog log, AuditVerifier verifier, AuditExport export) {
        this.log = log;
        addClassName("gantry-page");
        setSizeFull();
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        FlexLayout filters = new FlexLayout(actor, action, target, from, to);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.getStyle().set("gap", "var(--lumo-space-s)");

        Button verify = new Button("Verify chain", VaadinIcon.SHIELD.create(), e -> show(verifier.verify()));
        verify.setId("verify-chain");
        verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        verdict.setId("verification-result");
        Anchor csv = new Anchor(download(export, AuditExport.Format.CSV, "gantry-audit.csv", "text/csv"), "Export CSV");
        Anchor json = new Anchor(download(export, AuditExport.Format.JSON, "gantry-audit.json", "application/json"),
                "Export JSON");
        HorizontalLayout actions = new HorizontalLayout(verify, csv, json, verdict);
        actions.setAlignItems(Alignment.CENTER);
        add(filters, actions);

        grid.addColumn(AuditEntryView::seq).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> Formats.exact(e.time())).setHeader("Time").setAutoWidth(true);
        grid.addColumn(AuditEntryView::actor).setHeader("Actor").setAutoWidth(true);
        grid.addColumn(AuditEntryView::action).setHeader("Action").setAutoWidth(true);
        grid.addColumn(AuditEntryView::target).setHeader("Target").setAutoWidth(true);
        grid.addComponentColumn(AuditView::outcome).setHeader("Outcome").setAutoWidth(true);
        grid.addColumn(e -> e.details().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .map(d -> d.getKey() + "=" + d.getValue()).collect(Collectors.joining(", "))).setHeader("Details");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setItems(query -> log.find(currentQuery(), VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        grid.setEmptyStateText("No entry matches these filters. Clear a filter to see more.");
        addAndExpand(grid);
    }

    private DownloadHandler download(AuditExport export, AuditExport.Format format, String file, String type) {
        return event -> {
            event.setFileName(file);
            event.setContentType(type);
            try (var out = event.getOutputStream()) {
                export.export(currentQuery(), format, out);
            }
        };
    }

    private void show(AuditVerification result) {
        verdict.removeAll();
        Span text = switch (result) {
            case AuditVerification.Intact intact -> {
                Span s = new Span("Intact: " + intact.entries() + " entries verified"
                        + intact.checkpointSeq().map(seq -> ", signed checkpoint at #" + seq + " matches").orElse(
                                ", no signed checkpoint yet") + " (" + intact.took().toMillis() + " ms)");
                s.addClassName("gantry-ok");
                yield s;
            }
            case AuditVerification.Broken broken -> {
                Span s = new Span("Broken at entry #" + broken.firstBrokenSeq() + ": " + broken.reason()
                        + ". Keep the database and the checkpoint file as evidence and tell your security team.");
                s.addClassName("gantry-bad");
                yield s;
            }
        };
        verdict.add(text);
        grid.getDataProvider().refreshAll();
    }

    private AuditQuery currentQuery() {
        return AuditQuery.all().withActor(blankToNull(actor.getValue()))
                .withActionPrefix(blankToNull(action.getValue()))
                .withTargetContaining(blankToNull(target.getValue()))
                .between(startOf(from.getValue()), startOf(to.getValue() == null ? null : to.getValue().plusDays(1)));
    }

    private static java.time.Instant startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private TextField filterField(String label) {
        TextField field = new TextField(label);
        field.setClearButtonVisible(true);
        field.setValueChangeMode(ValueChangeMode.LAZY);
        field.addValueChangeListener(e -> refresh());
        return field;
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private static Span outcome(AuditEntryView entry) {
        Span s = new Span(entry.outcome().name().toLowerCase());
        s.addClassName(entry.outcome() == AuditOutcome.SUCCESS ? "gantry-ok" : "gantry-bad");
        return s;
    }
}
