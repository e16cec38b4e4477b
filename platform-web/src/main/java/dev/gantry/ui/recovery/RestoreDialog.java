package dev.gantry.ui.recovery;

import java.time.Clock;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.gantry.config.RecoveryDefaults;
import dev.gantry.recovery.BackupPlan;
import dev.gantry.recovery.BackupPoint;
import dev.gantry.recovery.ScratchSpec;
import dev.gantry.scheduling.RecoveryRuns;
import dev.gantry.scheduling.RecoveryRuns.Run;
import org.jspecify.annotations.Nullable;

/**
 * Restores one backup on an administrator's request into something new (never over live data), after they type
 * the service's name to confirm they mean this service. The restore runs in the background; the dialog shows its
 * progress and where the data now is.
 */
final class RestoreDialog extends Dialog {

    private final Select<DrillPlanEditor.ScratchKind> kind = new Select<>();
    private final TextField parent = new TextField("Under directory");
    private final TextField host = new TextField("PostgreSQL host");
    private final IntegerField port = new IntegerField("Port");
    private final TextField user = new TextField("User");
    private final TextField credential = new TextField("Password (vault path or credential name)");
    private final TextField confirmation = new TextField();
    private final RunPanel progress = new RunPanel(false);
    private final FieldErrors errors = new FieldErrors();
    private final Poller poller;
    private @Nullable Run run;

    RestoreDialog(BackupPlan plan, BackupPoint point, RecoveryRuns runs, RecoveryDefaults defaults, Clock clock) {
        setHeaderTitle("Restore " + point.archiveName());
        setWidth("min(720px, 95vw)");
        String serviceName = plan.draft().serviceName();
        add(new Paragraph("Gantry restores this backup of " + serviceName + " into a new target it creates for this "
                + "restore, checks it against what the backup recorded, and leaves it there for you. It never "
                + "writes over the running service or an existing database."));
        kind.setLabel("Restore into");
        kind.setId("restore-kind");
        kind.setItems(DrillPlanEditor.ScratchKind.values());
        kind.setItemLabelGenerator(k -> k.label);
        kind.addValueChangeListener(e -> showFields());
        defaults.scratchFor(plan.draft().source()).ifPresentOrElse(spec -> kind.setValue(switch (spec) {
            case ScratchSpec.NewH2File h -> DrillPlanEditor.ScratchKind.H2_FILE;
            case ScratchSpec.NewDirectory d -> DrillPlanEditor.ScratchKind.DIRECTORY;
            case ScratchSpec.NewPostgresDatabase p -> DrillPlanEditor.ScratchKind.POSTGRES;
        }), () -> kind.setValue(DrillPlanEditor.ScratchKind.POSTGRES));
        parent.setId("restore-parent");
        parent.setValue(defaults.scratchDirectory().toString());
        port.setValue(5432);
        confirmation.setId("restore-confirmation");
        confirmation.setLabel("Type " + serviceName + " to confirm");
        confirmation.setValueChangeMode(ValueChangeMode.EAGER);
        errors.bind("target", kind).bind("scratch.parent", parent).bind("source.host", host).bind("source.port", port)
                .bind("source.user", user).bind("source.credential", credential).bind("point", confirmation);
        FormLayout form = new FormLayout(kind, parent, host, port, user, credential, confirmation);
        form.setColspan(confirmation, 2);
        progress.setVisible(false);
        add(form, progress);

        Button restore = new Button("Restore", e -> {
            errors.clear();
            try {
                run = runs.startRestore(point.id(), target());
                progress.setVisible(true);
                progress.show(run, clock.instant());
                e.getSource().setEnabled(false);
                form.setEnabled(false);
                keepPolling();
            } catch (RuntimeException refused) {
                errors.show(refused);
            }
        });
        restore.setId("restore-start");
        restore.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        restore.setEnabled(false);
        confirmation.addValueChangeListener(e -> restore.setEnabled(run == null
                && e.getValue().strip().equals(serviceName)));
        getFooter().add(new Button("Close", e -> close()), restore);

        poller = new Poller(this, () -> {
            if (run != null) {
                run = runs.find(run.id()).orElse(run);
                progress.show(run, clock.instant());
                keepPolling();
            }
        });
    }

    private void keepPolling() {
        poller.keepPolling(run != null && run.active());
    }

    private void showFields() {
        boolean postgres = kind.getValue() == DrillPlanEditor.ScratchKind.POSTGRES;
        parent.setVisible(!postgres);
        for (com.vaadin.flow.component.Component field : java.util.List.<com.vaadin.flow.component.Component>of(
                host, port, user, credential)) {
            field.setVisible(postgres);
        }
    }

    private ScratchSpec target() {
        return switch (kind.getValue()) {
            case H2_FILE -> new ScratchSpec.NewH2File(parent.getValue().strip());
            case DIRECTORY -> new ScratchSpec.NewDirectory(parent.getValue().strip());
            case POSTGRES -> new ScratchSpec.NewPostgresDatabase(host.getValue().strip(),
                    port.getValue() == null ? 0 : port.getValue(), user.getValue().strip(),
                    credential.getValue().strip());
        };
    }
}
