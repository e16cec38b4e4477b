package dev.gantry.ui.recovery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
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
import dev.gantry.config.RecoveryDefaults;
import dev.gantry.domain.InvalidInputException;
import dev.gantry.recovery.BackupPlan;
import dev.gantry.recovery.DrillPlan;
import dev.gantry.recovery.DrillPlanDraft;
import dev.gantry.recovery.DrillPlans;
import dev.gantry.recovery.ScratchSpec;
import dev.gantry.recovery.Validation;
import dev.gantry.scheduling.RecoverySchedules;
import dev.gantry.ui.components.Notifications;
import org.jspecify.annotations.Nullable;

/** Creates or edits a restore drill plan: which backups, how often, where to restore, and what to check. */
final class DrillPlanEditor extends Dialog {

    enum ScratchKind {
        H2_FILE("New H2 database file"), DIRECTORY("New directory"), POSTGRES("New PostgreSQL database");

        final String label;

        ScratchKind(String label) {
            this.label = label;
        }
    }

    static final String DEFAULT_CRON = "0 0 3 1 * ?";

    private final TextField name = new TextField("Drill plan name");
    private final ComboBox<BackupPlan> backupPlan = new ComboBox<>("Backups of plan");
    private final TextField cron = new TextField("Schedule (cron, UTC)");
    private final Select<DrillPlanDraft.Selection> selection = new Select<>();
    private final TextField selectionWindow = new TextField("Random among backups of the last");
    private final Select<ScratchKind> scratchKind = new Select<>();
    private final TextField parent = new TextField("Restore under directory");
    private final TextField host = new TextField("PostgreSQL host");
    private final IntegerField port = new IntegerField("Port");
    private final TextField user = new TextField("User");
    private final TextField credential = new TextField("Password (vault path or credential name)");
    private final Checkbox expectation = new Checkbox("Check against what the backup recorded (row counts, "
            + "files, digest)");
    private final TextArea sqlChecks = new TextArea("SQL assertions: name | query | expected value, one per line");
    private final TextArea commandChecks = new TextArea("Command checks: name | command and arguments, one per line");
    private final TextField window = new TextField("Validation window");
    private final Checkbox enabled = new Checkbox("Enabled: drills on its schedule");
    private final FieldErrors errors = new FieldErrors();
    private final RecoveryDefaults defaults;

    DrillPlanEditor(@Nullable DrillPlan existing, @Nullable UUID forBackupPlan, List<BackupPlan> backupPlans,
                    DrillPlans drillPlans, RecoverySchedules schedules, RecoveryDefaults defaults,
                    Consumer<DrillPlan> saved) {
        this.defaults = defaults;
        setHeaderTitle(existing == null ? "New drill plan" : "Edit drill plan " + existing.draft().name());
        setWidth("min(860px, 95vw)");
        name.setId("drill-name");
        name.setHelperText("lower-case words joined by hyphens");
        backupPlan.setId("drill-backup-plan");
        backupPlan.setItems(backupPlans);
        backupPlan.setItemLabelGenerator(p -> p.draft().name() + " (" + p.draft().serviceName() + ")");
        backupPlan.addValueChangeListener(e -> {
            if (e.getValue() != null && existing == null) {
                suggestScratch(e.getValue());
            }
        });
        cron.setId("drill-cron");
        cron.setHelperText("must fire at least as often as the policy asks; 0 0 3 1 * ? is the 1st of every month");
        selection.setLabel("Which backup");
        selection.setItems(DrillPlanDraft.Selection.values());
        selection.setItemLabelGenerator(s -> s == DrillPlanDraft.Selection.LATEST ? "The newest complete backup"
                : "A random complete backup (the seed is recorded)");
        selection.addValueChangeListener(e -> selectionWindow.setVisible(
                e.getValue() == DrillPlanDraft.Selection.RANDOM));
        selectionWindow.setHelperText("e.g. 30d");
        scratchKind.setLabel("Restore into");
        scratchKind.setId("drill-scratch-kind");
        scratchKind.setItems(ScratchKind.values());
        scratchKind.setItemLabelGenerator(k -> k.label);
        scratchKind.addValueChangeListener(e -> showScratchFields());
        parent.setId("drill-scratch-parent");
        parent.setHelperText("a new drill-<id> is created inside and removed after the drill");
        port.setValue(5432);
        expectation.setValue(true);
        expectation.setId("drill-expectation");
        sqlChecks.setHelperText("e.g. paid orders | select count(*) from orders where paid | 42");
        commandChecks.setHelperText("e.g. integrity | pg_amcheck --all (told where the data is by environment)");
        window.setId("drill-window");
        window.setHelperText("restore and checks together; past it the work is stopped, e.g. 1h");

        errors.bind("name", name).bind("backupPlanId", backupPlan).bind("cron", cron)
                .bind("selectionWindow", selectionWindow).bind("scratch", scratchKind)
                .bind("scratch.parent", parent).bind("source.host", host).bind("source.port", port)
                .bind("source.user", user).bind("source.credential", credential).bind("validations", sqlChecks)
                .bind("validation", sqlChecks).bind("validation.argv", commandChecks).bind("window", window);

        FormLayout what = new FormLayout(name, backupPlan, cron, selection, selectionWindow, window);
        FormLayout where = new FormLayout(scratchKind, parent, host, port, user, credential);
        FormLayout checks = new FormLayout(expectation, sqlChecks, commandChecks);
        checks.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(new H4("What and when"), what, new H4("Where it restores"), where, new H4("What it checks"), checks);
        if (existing != null) {
            add(enabled);
        }
        fill(existing, forBackupPlan, backupPlans);

        Button save = new Button(existing == null ? "Create drill plan" : "Save drill plan", e -> {
            errors.clear();
            try {
                DrillPlanDraft draft = draft();
                DrillPlan plan = existing == null ? drillPlans.create(draft)
                        : drillPlans.update(existing.id(), existing.version(), draft, enabled.getValue());
                schedules.sync(plan);
                close();
                Notifications.done("Drill plan " + plan.draft().name() + " saved");
                saved.accept(plan);
            } catch (RuntimeException refused) {
                errors.show(refused);
            }
        });
        save.setId("save-drill-plan");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }

    private void fill(@Nullable DrillPlan existing, @Nullable UUID forBackupPlan, List<BackupPlan> backupPlans) {
        if (existing == null) {
            cron.setValue(DEFAULT_CRON);
            selection.setValue(DrillPlanDraft.Selection.LATEST);
            window.setValue("1h");
            scratchKind.setValue(ScratchKind.H2_FILE);
            parent.setValue(defaults.scratchDirectory().toString());
            backupPlans.stream().filter(p -> p.id().equals(forBackupPlan)).findFirst().ifPresent(p -> {
                backupPlan.setValue(p);
                name.setValue(p.draft().name() + "-drill");
            });
            return;
        }
        DrillPlanDraft d = existing.draft();
        name.setValue(d.name());
        backupPlans.stream().filter(p -> p.id().equals(d.backupPlanId())).findFirst().ifPresent(backupPlan::setValue);
        cron.setValue(d.cron());
        selection.setValue(d.selection());
        selectionWindow.setValue(d.selectionWindow() == null ? "" : d.selectionWindow().toString());
        switch (d.scratch()) {
            case ScratchSpec.NewH2File h -> {
                scratchKind.setValue(ScratchKind.H2_FILE);
                parent.setValue(h.parent());
            }
            case ScratchSpec.NewDirectory dir -> {
                scratchKind.setValue(ScratchKind.DIRECTORY);
                parent.setValue(dir.parent());
            }
            case ScratchSpec.NewPostgresDatabase p -> {
                scratchKind.setValue(ScratchKind.POSTGRES);
                host.setValue(p.host());
                port.setValue(p.port());
                user.setValue(p.user());
                credential.setValue(p.credential());
            }
        }
        expectation.setValue(d.validations().stream().anyMatch(v -> v instanceof Validation.MatchesExpectation));
        sqlChecks.setValue(String.join("\n", d.validations().stream()
                .filter(v -> v instanceof Validation.SqlAssertion).map(v -> (Validation.SqlAssertion) v)
                .map(s -> s.name() + " | " + s.sql() + " | " + s.expected()).toList()));
        commandChecks.setValue(String.join("\n", d.validations().stream()
                .filter(v -> v instanceof Validation.CommandCheck).map(v -> (Validation.CommandCheck) v)
                .map(c -> c.name() + " | " + String.join(" ", c.argv())).toList()));
        window.setValue(d.window().toString());
        enabled.setValue(existing.enabled());
    }

    private void suggestScratch(BackupPlan plan) {
        defaults.scratchFor(plan.draft().source()).ifPresentOrElse(spec -> {
            switch (spec) {
                case ScratchSpec.NewH2File h -> scratchKind.setValue(ScratchKind.H2_FILE);
                case ScratchSpec.NewDirectory d -> scratchKind.setValue(ScratchKind.DIRECTORY);
                case ScratchSpec.NewPostgresDatabase p -> scratchKind.setValue(ScratchKind.POSTGRES);
            }
        }, () -> scratchKind.setValue(ScratchKind.POSTGRES));
    }

    private void showScratchFields() {
        boolean postgres = scratchKind.getValue() == ScratchKind.POSTGRES;
        parent.setVisible(!postgres);
        for (com.vaadin.flow.component.Component field : List.<com.vaadin.flow.component.Component>of(host, port,
                user, credential)) {
            field.setVisible(postgres);
        }
    }

    private DrillPlanDraft draft() {
        BackupPlan plan = backupPlan.getValue();
        if (plan == null) {
            throw new InvalidInputException("backupPlanId", "choose the backup plan whose backups this drill restores");
        }
        String schedule = cron.getValue().strip();
        RecoverySchedules.requireSchedulable(schedule);
        if (scratchKind.getValue() == null) {
            throw new InvalidInputException("scratch", "choose where the drill restores");
        }
        ScratchSpec scratch = switch (scratchKind.getValue()) {
            case H2_FILE -> new ScratchSpec.NewH2File(parent.getValue().strip());
            case DIRECTORY -> new ScratchSpec.NewDirectory(parent.getValue().strip());
            case POSTGRES -> new ScratchSpec.NewPostgresDatabase(host.getValue().strip(),
                    port.getValue() == null ? 0 : port.getValue(), user.getValue().strip(),
                    credential.getValue().strip());
        };
        List<Validation> validations = new ArrayList<>();
        if (expectation.getValue()) {
            validations.add(new Validation.MatchesExpectation());
        }
        for (String line : lines(sqlChecks.getValue())) {
            String[] parts = line.split("\\|", 3);
            if (parts.length != 3) {
                throw new InvalidInputException("validation", "write each SQL assertion as name | query | expected");
            }
            validations.add(new Validation.SqlAssertion(parts[0].strip(), parts[1].strip(), parts[2].strip()));
        }
        for (String line : lines(commandChecks.getValue())) {
            String[] parts = line.split("\\|", 2);
            if (parts.length != 2) {
                throw new InvalidInputException("validation", "write each command check as name | command");
            }
            validations.add(new Validation.CommandCheck(parts[0].strip(),
                    Arrays.stream(parts[1].strip().split("\\s+")).toList()));
        }
        Duration windowValue = RecoveryFormats.parseDuration(window.getValue(), "window");
        return new DrillPlanDraft(name.getValue().strip(), plan.id(), schedule, selection.getValue(),
                RecoveryFormats.parseDuration(selectionWindow.getValue(), "selectionWindow"), scratch, validations,
                windowValue == null ? Duration.ofHours(1) : windowValue);
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
