package dev.gantry.ui.recovery;

import java.util.Arrays;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import dev.gantry.domain.InvalidInputException;
import dev.gantry.recovery.EscrowedKey;
import dev.gantry.recovery.KeyEscrow;
import dev.gantry.ui.components.OneTimeSecretDialog;

/**
 * Exports the current backup key for escrow, with the manifest signing public key, wrapped under a passphrase the
 * administrator chooses. The escrow text is shown once, with the key id it covers; Gantry keeps only its fingerprint. The passphrase never leaves this dialog's request.
 */
final class EscrowDialog extends Dialog {

    EscrowDialog(KeyEscrow escrow) {
        setHeaderTitle("Export the backup key for escrow");
        setWidth("min(640px, 95vw)");
        PasswordField passphrase = new PasswordField("Passphrase");
        passphrase.setId("escrow-passphrase");
        passphrase.setHelperText("at least 16 characters; keep it apart from the escrow text (another safe, "
                + "another team's password manager)");
        PasswordField repeat = new PasswordField("Passphrase again");
        repeat.setId("escrow-repeat");
        FieldErrors errors = new FieldErrors().bind("passphrase", passphrase);
        add(new Paragraph("The escrow carries the current backup key and the public key that verifies backup "
                + "manifests: with its text and passphrase, the backups written under that key can be restored when "
                + "Gantry, its vault and its key files are gone. Backups written under an earlier key need the escrow "
                + "exported while that key was current. An escrow drill proves it works."),
                new FormLayout(passphrase, repeat));
        Button export = new Button("Export", e -> {
            errors.clear();
            char[] chosen = passphrase.getValue().toCharArray();
            try {
                if (!passphrase.getValue().equals(repeat.getValue())) {
                    throw new InvalidInputException("passphrase", "the two passphrases differ; type the same twice");
                }
                EscrowedKey escrowed = escrow.export(chosen);
                passphrase.clear();
                repeat.clear();
                close();
                new OneTimeSecretDialog("Key escrow of " + escrowed.keyId(), "Print or store this text now, apart "
                        + "from its passphrase; it is not shown again. It covers backup key " + escrowed.keyId()
                        + " only: backups written under earlier keys need their own escrow. Manifest signing key "
                        + escrowed.signingKeyFingerprint() + ". Fingerprint " + escrowed.fingerprint() + ".",
                        escrowed.text()).open();
            } catch (RuntimeException refused) {
                errors.show(refused);
            } finally {
                Arrays.fill(chosen, '\0');
            }
        });
        export.setId("escrow-export");
        export.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), export);
    }
}
