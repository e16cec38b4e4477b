package dev.gantry.ui.components;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;

/**
 * Shows a value exactly once (a one-time password, a token, recovery codes). The value lives only in this dialog's
 * element and is dropped when the dialog closes, so it does not stay in the UI state of the session.
 */
public final class OneTimeSecretDialog extends Dialog {

    public OneTimeSecretDialog(String title, String explanation, String value) {
        setHeaderTitle(title);
        setCloseOnOutsideClick(false);
        Div secret = new Div();
        secret.setText(value);
        secret.addClassName("gantry-secret");
        secret.setId("one-time-secret");
        add(new Paragraph(explanation), secret);
        Button close = new Button("I have stored it", e -> {
            secret.setText("");
            close();
        });
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        close.setId("one-time-secret-stored");
        // Copies what the browser already shows; the value is not sent again.
        Button copy = new Button("Copy", e -> secret.getElement()
                .executeJs("navigator.clipboard && navigator.clipboard.writeText(this.textContent)"));
        copy.setId("one-time-secret-copy");
        getFooter().add(copy, close);
        addDetachListener(e -> removeAll());
    }
}
