package dev.gantry.ui.secrets;

import java.util.Arrays;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.gantry.domain.ConflictException;
import dev.gantry.domain.InvalidInputException;
import dev.gantry.secrets.SecretMetadata;
import dev.gantry.secrets.SecretValue;
import dev.gantry.secrets.SecretVault;
import dev.gantry.secrets.SecretVersionInfo;
import dev.gantry.secrets.VaultSealedException;
import dev.gantry.ui.components.Notifications;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * Writes a new secret, or a new version of one with check-and-set: by default only over the version the user was
 * looking at, so two people editing at once cannot silently overwrite each other. The typed value is cleared from
 * the field as soon as it is saved or the dialog closes.
 */
final class WriteSecretDialog extends Dialog {

    interface Written {
        void written(String path, SecretVersionInfo version);
    }

    private final SecretVault vault;
    private final TextField path = new TextField("Path");
    private final TextArea value = new TextArea("Value");
    private final Checkbox onlyOver = new Checkbox();
    private final @Nullable SecretMetadata existing;
    private final Written written;

    /** @param existing the secret as the user saw it, or null for a new secret */
    WriteSecretDialog(SecretVault vault, @Nullable SecretMetadata existing, String prefix, Written written) {
        this.vault = vault;
        this.existing = existing;
        this.written = written;
        setHeaderTitle(existing == null ? "New secret" : "New version of " + existing.path());
        setCloseOnOutsideClick(false);
        setWidth("min(640px, 95vw)");
        path.setId("secret-path");
        path.setWidthFull();
        path.setHelperText("team/service/environment/name, e.g. payments/checkout-api/prod/db-password");
        path.setValue(existing == null ? prefix : existing.path());
        path.setReadOnly(existing != null);
        value.setId("secret-value");
        value.setWidthFull();
        value.setMinHeight("6em");
        value.setHelperText("Stored encrypted; shown to nobody until someone allowed reveals it.");
        value.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)");
        FormLayout form = new FormLayout(path, value);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);
        if (existing != null) {
            onlyOver.setId("secret-cas");
            onlyOver.setLabel("Only if version " + existing.currentVersion() + " is still the current one");
            onlyOver.setValue(true);
            add(onlyOver);
        } else {
            add(new Paragraph("Creates the secret only if no secret has this path yet."));
        }
        Button save = new Button(existing == null ? "Create" : "Write version", e -> save());
        save.setId("save-secret");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", e -> close());
        getFooter().add(cancel, save);
        addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                value.clear();
            }
        });
    }

    private void save() {
        char[] chars = value.getValue().toCharArray();
        SecretValue secret = SecretValue.of(chars);
        Arrays.fill(chars, '\0');
        Long cas = existing == null ? Long.valueOf(0) : onlyOver.getValue() ? existing.currentVersion() : null;
        try {
            SecretVersionInfo version = vault.write(path.getValue().strip(), secret, cas);
            value.clear();
            close();
            written.written(path.getValue().strip(), version);
        } catch (InvalidInputException invalid) {
            if ("path".equals(invalid.field())) {
                path.setInvalid(true);
                path.setErrorMessage(invalid.getMessage());
            } else {
                value.setInvalid(true);
                value.setErrorMessage(invalid.getMessage());
            }
        } catch (ConflictException conflict) {
            (existing == null ? path : value).setInvalid(true);
            (existing == null ? path : value).setErrorMessage(existing == null
                    ? "A secret with this path exists already: open it and write a new version."
                    : "Someone else wrote in the meantime (" + conflict.getMessage() + "). Close, look at the "
                            + "new version, and write again.");
        } catch (AccessDeniedException | VaultSealedException refused) {
            close();
            Notifications.refused(refused instanceof VaultSealedException ? "The vault is sealed."
                    : "You may not write this secret.");
        } finally {
            secret.wipe();
        }
    }
}
