package dev.gantry.ui.secrets;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import dev.gantry.domain.InvalidInputException;
import dev.gantry.secrets.RotationStatus;
import dev.gantry.secrets.SecretRotation;
import dev.gantry.ui.components.Notifications;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/** When the current value of a secret Gantry cannot rotate stops working (a third party's key), in UTC. */
final class ExpiryDialog extends Dialog {

    ExpiryDialog(SecretRotation rotation, String path, @Nullable RotationStatus status, Consumer<String> saved) {
        setHeaderTitle("Expiry of " + path);
        DateTimePicker at = new DateTimePicker("Expires at (UTC)");
        at.setId("expiry-at");
        if (status != null && status.expiresAt() != null) {
            at.setValue(LocalDateTime.ofInstant(status.expiresAt(), ZoneOffset.UTC));
        }
        add(new Paragraph("Gantry reminds the owners before this time. It holds for the current value only: a new "
                + "version needs its own expiry."), at);
        Button save = new Button("Save", e -> {
            Instant expiresAt = at.getValue() == null ? null : at.getValue().toInstant(ZoneOffset.UTC);
            try {
                rotation.setExpiry(path, expiresAt);
                close();
                saved.accept(path);
            } catch (InvalidInputException invalid) {
                at.setInvalid(true);
                at.setErrorMessage(invalid.getMessage());
            } catch (AccessDeniedException denied) {
                close();
                Notifications.refused("Your policies do not allow setting this secret's expiry.");
            }
        });
        save.setId("save-expiry");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
