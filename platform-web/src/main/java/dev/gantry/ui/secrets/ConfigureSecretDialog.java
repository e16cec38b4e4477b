package dev.gantry.ui.secrets;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import dev.gantry.domain.InvalidInputException;
import dev.gantry.domain.NotFoundException;
import dev.gantry.secrets.SecretMetadata;
import dev.gantry.secrets.SecretVault;
import dev.gantry.secrets.VaultSealedException;
import dev.gantry.ui.components.Notifications;
import java.util.function.Consumer;
import org.springframework.security.access.AccessDeniedException;

/** A secret's description and how many versions keep their values; older values are destroyed on saving. */
final class ConfigureSecretDialog extends Dialog {

    ConfigureSecretDialog(SecretVault vault, SecretMetadata secret, Consumer<SecretMetadata> configured) {
        setHeaderTitle("Configure " + secret.path());
        TextField description = new TextField("Description");
        description.setId("secret-description");
        description.setMaxLength(SecretVault.MAX_DESCRIPTION);
        description.setValue(secret.description());
        description.setWidthFull();
        IntegerField maxVersions = new IntegerField("Versions that keep their values");
        maxVersions.setId("secret-max-versions");
        maxVersions.setMin(1);
        maxVersions.setMax(SecretVault.MAX_MAX_VERSIONS);
        maxVersions.setStepButtonsVisible(true);
        maxVersions.setValue(secret.maxVersions());
        maxVersions.setHelperText("Older versions are destroyed when you save: their values are gone for good.");
        FormLayout form = new FormLayout(description, maxVersions);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);
        Button save = new Button("Save", e -> {
            try {
                SecretMetadata saved = vault.configure(secret.path(), description.getValue(),
                        maxVersions.getValue() == null ? 0 : maxVersions.getValue());
                close();
                configured.accept(saved);
            } catch (InvalidInputException invalid) {
                if ("description".equals(invalid.field())) {
                    description.setInvalid(true);
                    description.setErrorMessage(invalid.getMessage());
                } else {
                    maxVersions.setInvalid(true);
                    maxVersions.setErrorMessage(invalid.getMessage());
                }
            } catch (NotFoundException | AccessDeniedException | VaultSealedException refused) {
                close();
                Notifications.refused(refused.getMessage());
            }
        });
        save.setId("save-configuration");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
