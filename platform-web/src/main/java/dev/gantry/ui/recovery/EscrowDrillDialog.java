package dev.gantry.ui.recovery;

import java.util.Arrays;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import dev.gantry.recovery.DrillPlan;
import dev.gantry.scheduling.RecoveryRuns;

/**
 * Proves the key escrow works: restores the newest backup with nothing but the escrow text and its passphrase,
 * pasted here by the people who keep them. Both fields are cleared as soon as the drill is started.
 */
final class EscrowDrillDialog extends Dialog {

    EscrowDrillDialog(DrillPlan plan, RecoveryRuns runs, Consumer<RecoveryRuns.Run> started) {
        setHeaderTitle("Escrow drill of " + plan.draft().name());
        setWidth("min(720px, 95vw)");
        TextArea escrow = new TextArea("Escrow text, as exported");
        escrow.setId("escrow-drill-text");
        escrow.setWidthFull();
        PasswordField passphrase = new PasswordField("Its passphrase");
        passphrase.setId("escrow-drill-passphrase");
        passphrase.setWidthFull();
        FieldErrors errors = new FieldErrors().bind("escrow", escrow).bind("passphrase", passphrase);
        add(new Paragraph("The drill restores the newest complete backup using only this escrow, as if Gantry's key "
                + "files were lost. It fails if the escrow was never exported for the backup's key, if it does not "
                + "unwrap, or if the key does not open the backup."), escrow, passphrase);
        Button start = new Button("Run escrow drill", e -> {
            errors.clear();
            char[] chosen = passphrase.getValue().toCharArray();
            try {
                RecoveryRuns.Run run = runs.startEscrowDrill(plan.id(), escrow.getValue(), chosen);
                escrow.clear();
                passphrase.clear();
                close();
                started.accept(run);
            } catch (RuntimeException refused) {
                errors.show(refused);
            } finally {
                Arrays.fill(chosen, '\0');
            }
        });
        start.setId("escrow-drill-start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), start);
    }
}
