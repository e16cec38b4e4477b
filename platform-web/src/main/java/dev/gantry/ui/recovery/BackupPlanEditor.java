package dev.gantry.ui.recovery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.gantry.access.ServiceCatalog;
import dev.gantry.access.ServiceView;
import dev.gantry.config.RecoveryDefaults;
import dev.gantry.domain.InvalidInputException;
import dev.gantry.recovery.BackupPlan;
import dev.gantry.recovery.BackupPlanDraft;
import dev.gantry.recovery.BackupPlans;
import dev.gantry.recovery.KeepRules;
import dev.gantry.recovery.LocationSpec;
import dev.gantry.recovery.RecoveryPolicy;
import dev.gantry.recovery.SourceSpec;
import dev.gantry.scheduling.RecoverySchedules;
import dev.gantry.ui.components.Notifications;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;

/** Creates or edits a backup plan: what (source), when (cron), where (locations), what is kept, which objectives. */
final class BackupPlanEditor extends Dialog {

    /** A service a plan can be for: from the catalog, or Gantry itself. */
    record ServiceChoice(String id, String name) {
    }

    enum SourceKind {
        GANTRY_DATABASE("Gantry's own database"), POSTGRES("PostgreSQL database"), DIRECTORY("Directory tree"),
        COMMAND("Command output");

        final String label;

        SourceKind(String label) {
            this.label = label;
        }
    }

    static final String DEFAULT_CRON = "0 0 2 * * ?";

    private final ComboBox<ServiceChoice> service = new ComboBox<>("Service");
    private final TextField name = new TextField("Plan name");
    private final Select<SourceKind> sourceKind = new Select<>();
    private final TextField host = new TextField("Host");
    private final IntegerField port = new IntegerField("Port");
    private final TextField database = new TextField("Database");
    private final TextField user = new TextField("User");
    private final TextField credential = new TextField("Password (vault path or credential name)");
    private final ComboBox<String> vaultSecret = new ComboBox<>("Or pick a vault secret you may read");
    private final TextField path = new TextField("Directory");
    private final TextArea command = new TextArea("Command, one argument per line");
    private final TextField cron = new TextField("Schedule (cron, UTC)");
    private final TextArea locations = new TextArea("Locations, one directory per line");
    private final IntegerField keepLast = keep("Keep last");
    private final IntegerField keepHourly = keep("Hourly");
    private final IntegerField keepDaily = keep("Daily");
    private final IntegerField keepWeekly = keep("Weekly");
    private final IntegerField keepMonthly = keep("Monthly");
    private final IntegerField keepYearly = keep("Yearly");
    private final TextField keepWithin = new TextField("Keep all within");
    private final TextField rpo = new TextField("RPO override");
    private final TextField rto = new TextField("RTO override");
    private final TextField grace = new TextField("Grace after a scheduled time");
    private final Checkbox enabled = new Checkbox("Enabled: backs up on its schedule");
    private final FieldErrors errors = new FieldErrors();

    BackupPlanEditor(@Nullable BackupPlan existing, BackupPlans plans, RecoverySchedules schedules,
                     ServiceCatalog catalog, RecoveryDefaults defaults, RecoveryPolicy policy,
                     List<String> readableSecrets, Consumer<BackupPlan> saved) {
        setHeaderTitle(existing == null ? "New backup plan" : "Edit backup plan " + existing.draft().name());
        setWidth("min(900px, 95vw)");
        List<ServiceChoice> choices = new ArrayList<>();
        choices.add(new ServiceChoice("gantry", "Gantry"));
        for (ServiceView s : catalog.find("", PageRequest.of(0, 500)).getContent()) {
            if (!s.slug().equals("gantry")) {
                choices.add(new ServiceChoice(s.slug(), s.name()));
            }
        }
        if (existing != null && choices.stream().noneMatch(c -> c.id().equals(existing.draft().serviceId()))) {
            choices.add(new ServiceChoice(existing.draft().serviceId(), existing.draft().serviceName()));
        }
        service.setItems(choices);
        service.setItemLabelGenerator(c -> c.name() + " (" + c.id() + ")");
        service.setId("plan-service");
        name.setId("plan-name");
        name.setHelperText("lower-case words joined by hyphens; archives are named after it");
        sourceKind.setLabel("What to back up");
        sourceKind.setId("plan-source-kind");
        sourceKind.setItems(SourceKind.values());
        sourceKind.setItemLabelGenerator(k -> k.label);
        sourceKind.addValueChangeListener(e -> showSourceFields());
        port.setValue(5432);
        credential.setHelperText("vault:team/service/environment/name for a secret you may read, or a name from "
                + "gantry.recovery.credentials.<name>.password; never the password itself");
        credential.setPlaceholder("vault:billing/db/prod/backup-password");
        host.setId("plan-host");
        database.setId("plan-database");
        user.setId("plan-user");
        credential.setId("plan-credential");
        vaultSecret.setId("plan-vault-secret");
        vaultSecret.setItems(readableSecrets);
        vaultSecret.setHelperText(readableSecrets.isEmpty() ? "none you may read, or the vault is sealed"
                : "fills in the password field");
        vaultSecret.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                credential.setValue("vault:" + e.getValue());
            }
        });
        path.setHelperText("absolute path");
        command.setHelperText("its standard output is the backup; it must exit 0");
        cron.setId("plan-cron");
        cron.setHelperText("six fields with ? in day-of-month or day-of-week: 0 0 2 * * ? is every day at 02:00 UTC");
        locations.setId("plan-locations");
        locations.setHelperText("absolute directories; put one on another disk or machine. Never the key directory.");
        keepWithin.setHelperText("e.g. 30d; empty: no time rule");
        var objectives = policy.defaults();
        rpo.setId("plan-rpo");
        rto.setId("plan-rto");
        rpo.setHelperText("empty follows the policy: " + objectives.map(o -> RecoveryFormats.duration(o.rpo())
                + " (" + o.source() + ")").orElse("none set"));
        rto.setHelperText("empty follows the policy: " + objectives.map(o -> RecoveryFormats.duration(o.rto())
                + " (" + o.source() + ")").orElse("none set"));
        grace.setHelperText("how late a backup may succeed before the schedule counts as missed, e.g. 1h");

        errors.bind("serviceId", service).bind("serviceName", service).bind("name", name)
                .bind("source", sourceKind).bind("source.host", host).bind("source.port", port)
                .bind("source.database", database).bind("source.user", user).bind("source.credential", credential)
                .bind("source.path", path).bind("source.argv", command).bind("cron", cron)
                .bind("locations", locations).bind("keep", keepLast).bind("keep.within", keepWithin)
                .bind("rpo", rpo).bind("rto", rto).bind("grace", grace);

        FormLayout what = new FormLayout(service, name, sourceKind, host, port, database, user, credential,
                vaultSecret, path, command);
        FormLayout when = new FormLayout(cron, grace, locations);
        when.setColspan(locations, 2);
        FormLayout keepRules = new FormLayout(keepLast, keepHourly, keepDaily, keepWeekly, keepMonthly, keepYearly,
                keepWithin);
        keepRules.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 2), new FormLayout.ResponsiveStep("500px", 4));
        FormLayout objectiveFields = new FormLayout(rpo, rto);
        add(new H4("What"), what, new H4("When and where"), when, new H4("What is kept"), keepRules,
                new H4("Objectives"), objectiveFields);
        if (existing != null) {
            add(enabled);
        }
        fill(existing, defaults);

        Button save = new Button(existing == null ? "Create plan" : "Save plan", e -> {
            errors.clear();
            try {
                BackupPlanDraft draft = draft();
                BackupPlan plan = existing == null ? plans.create(draft)
                        : plans.update(existing.id(), existing.version(), draft, enabled.getValue());
                schedules.sync(plan);
                close();
                Notifications.done("Backup plan " + plan.draft().name() + " saved" + (plan.enabled()
                        ? "; it runs on its schedule" : "; it is disabled"));
                saved.accept(plan);
            } catch (RuntimeException refused) {
                errors.show(refused);
            }
        });
        save.setId("save-plan");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }

    private void fill(@Nullable BackupPlan existing, RecoveryDefaults defaults) {
        if (existing == null) {
            sourceKind.setValue(SourceKind.GANTRY_DATABASE);
            cron.setValue(DEFAULT_CRON);
            locations.setValue(String.join("\n", defaults.locations()));
            grace.setValue("1h");
            return;
        }
        BackupPlanDraft d = existing.draft();
        service.getListDataView().getItems().filter(c -> c.id().equals(d.serviceId())).findFirst()
                .ifPresent(service::setValue);
        name.setValue(d.name());
        switch (d.source()) {
            case SourceSpec.GantryDatabase g -> sourceKind.setValue(SourceKind.GANTRY_DATABASE);
            case SourceSpec.PostgresDatabase p -> {
                sourceKind.setValue(SourceKind.POSTGRES);
                host.setValue(p.host());
                port.setValue(p.port());
                database.setValue(p.database());
                user.setValue(p.user());
                credential.setValue(p.credential());
            }
            case SourceSpec.DirectoryTree t -> {
                sourceKind.setValue(SourceKind.DIRECTORY);
                path.setValue(t.path());
            }
            case SourceSpec.Command c -> {
                sourceKind.setValue(SourceKind.COMMAND);
                command.setValue(String.join("\n", c.argv()));
            }
        }
        cron.setValue(d.cron());
        locations.setValue(String.join("\n", d.locations().stream().map(l -> ((LocationSpec.Directory) l).path())
                .toList()));
        KeepRules k = d.keep();
        keepLast.setValue(k.last());
        keepHourly.setValue(k.hourly());
        keepDaily.setValue(k.daily());
        keepWeekly.setValue(k.weekly());
        keepMonthly.setValue(k.monthly());
        keepYearly.setValue(k.yearly());
        keepWithin.setValue(k.within() == null ? "" : k.within().toString());
        rpo.setValue(d.rpo() == null ? "" : d.rpo().toString());
        rto.setValue(d.rto() == null ? "" : d.rto().toString());
        grace.setValue(d.grace().toString());
        enabled.setValue(existing.enabled());
    }

    private void showSourceFields() {
        SourceKind kind = sourceKind.getValue();
        for (com.vaadin.flow.component.Component field : List.<com.vaadin.flow.component.Component>of(host, port,
                database, user, credential, vaultSecret)) {
            field.setVisible(kind == SourceKind.POSTGRES);
        }
        path.setVisible(kind == SourceKind.DIRECTORY);
        command.setVisible(kind == SourceKind.COMMAND);
    }

    private BackupPlanDraft draft() {
        ServiceChoice chosen = service.getValue();
        if (chosen == null) {
            throw new InvalidInputException("serviceId", "choose the service this plan protects");
        }
        if (sourceKind.getValue() == null) {
            throw new InvalidInputException("source", "choose what to back up");
        }
        SourceSpec source = switch (sourceKind.getValue()) {
            case GANTRY_DATABASE -> new SourceSpec.GantryDatabase();
            case POSTGRES -> new SourceSpec.PostgresDatabase(host.getValue().strip(),
                    port.getValue() == null ? 0 : port.getValue(), database.getValue().strip(),
                    user.getValue().strip(), credential.getValue().strip());
            case DIRECTORY -> new SourceSpec.DirectoryTree(path.getValue().strip());
            case COMMAND -> new SourceSpec.Command(lines(command.getValue()));
        };
        String schedule = cron.getValue().strip();
        RecoverySchedules.requireSchedulable(schedule);
        List<LocationSpec> where = lines(locations.getValue()).stream()
                .<LocationSpec>map(LocationSpec.Directory::new).toList();
        KeepRules keep = new KeepRules(count(keepLast), count(keepHourly), count(keepDaily), count(keepWeekly),
                count(keepMonthly), count(keepYearly), RecoveryFormats.parseDuration(keepWithin.getValue(),
                "keep.within"));
        Duration graceValue = RecoveryFormats.parseDuration(grace.getValue(), "grace");
        return new BackupPlanDraft(chosen.id(), chosen.name(), name.getValue().strip(), source, schedule, where, keep,
                RecoveryFormats.parseDuration(rpo.getValue(), "rpo"), RecoveryFormats.parseDuration(rto.getValue(),
                "rto"), graceValue == null ? Duration.ofHours(1) : graceValue);
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static int count(IntegerField field) {
        return field.getValue() == null ? 0 : field.getValue();
    }

    private static IntegerField keep(String label) {
        IntegerField field = new IntegerField(label);
        field.setMin(0);
        field.setStepButtonsVisible(true);
        return field;
    }

    static String source(SourceSpec source) {
        return switch (source) {
            case SourceSpec.GantryDatabase g -> "Gantry's own database";
            case SourceSpec.PostgresDatabase p -> "PostgreSQL " + p.database() + " on " + p.host() + ":" + p.port()
                    + " as " + p.user();
            case SourceSpec.DirectoryTree t -> "directory " + t.path();
            case SourceSpec.Command c -> "command " + String.join(" ", c.argv());
        };
    }
}
