package dev.gantry.ui.secrets;

import java.util.Arrays;
import java.util.Optional;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldBase;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.gantry.domain.NotFoundException;
import dev.gantry.secrets.SecretRead;
import dev.gantry.secrets.VaultSealedException;
import dev.gantry.ui.components.Formats;
import dev.gantry.ui.components.Notifications;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * Shows one secret value after an explicit click, for as long as the dialog is open: the value exists only in
 * this dialog's element and is removed when it closes however it closes, so it does not stay in the session's UI
 * state. For a production path the dialog first asks for a fresh proof (see {@link Reveal}); after
 * {@link #ATTEMPTS} refused proofs in a session the user is signed out.
 */
final class RevealDialog extends Dialog {

    static final int ATTEMPTS = 5;
    private static final String FAILURES = RevealDialog.class.getName() + ".failures";

    private final Reveal reveal;
    private final AuthenticationContext authentication;
    private final String path;
    private final long version;
    private final Div value = new Div();
    private final Paragraph refusal = new Paragraph();
    private @Nullable Button confirm;

    private RevealDialog(Reveal reveal, AuthenticationContext authentication, String path, long version) {
        this.reveal = reveal;
        this.authentication = authentication;
        this.path = path;
        this.version = version;
        setHeaderTitle("Reveal " + path + " · version " + version);
        setCloseOnOutsideClick(false);
        setWidth("min(640px, 95vw)");
        value.addClassName("gantry-secret");
        value.setId("revealed-secret");
        Button close = new Button("Close", e -> close());
        close.setId("close-reveal");
        getFooter().add(close);
        addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                forget();
            }
        });
        addDetachListener(e -> forget());
        if (Reveal.needsProof(path)) {
            askForProof();
        }
    }

    /** Opens the dialog: asking for the proof first on a production path, revealing at once elsewhere. */
    static void open(Reveal reveal, AuthenticationContext authentication, String path, long version) {
        RevealDialog dialog = new RevealDialog(reveal, authentication, path, version);
        dialog.open();
        if (!Reveal.needsProof(path)) {
            dialog.show(null);
        }
    }

    private void askForProof() {
        boolean totp = reveal.proofFor() == Reveal.Proof.TOTP_CODE;
        TextFieldBase<?, String> proof = totp ? new TextField("Code from your authenticator app")
                : new PasswordField("Your password");
        proof.setId("reveal-proof");
        proof.setWidthFull();
        Button confirmButton = new Button("Confirm and reveal", e -> {
            String given = proof.getValue();
            proof.clear();
            show(given);
        });
        confirmButton.setId("confirm-reveal");
        confirmButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirmButton.addClickShortcut(Key.ENTER);
        refusal.setId("reveal-refused");
        refusal.addClassName("gantry-bad");
        refusal.setVisible(false);
        add(new Paragraph("This is a production secret. Confirm it is you: "
                + (totp ? "type a new code from your authenticator app." : "type your password.")
                + " Every reveal is recorded in the audit trail."), proof, refusal);
        getFooter().addComponentAsFirst(confirmButton);
        confirm = confirmButton;
        proof.focus();
    }

    private void show(@Nullable String proof) {
        Optional<String> refused;
        try {
            refused = reveal.reveal(path, version, proof, this::display);
        } catch (NotFoundException | AccessDeniedException | VaultSealedException cannot) {
            close();
            Notifications.refused(cannot instanceof VaultSealedException
                    ? "The vault is sealed: no secret can be revealed until a secrets administrator unseals it."
                    : cannot instanceof AccessDeniedException ? "You may not read this secret."
                    : "Nothing to reveal: " + cannot.getMessage() + ".");
            return;
        }
        if (refused.isEmpty()) {
            VaadinSession.getCurrent().setAttribute(FAILURES, null);
            return;
        }
        Integer before = (Integer) VaadinSession.getCurrent().getAttribute(FAILURES);
        int failures = before == null ? 1 : before + 1;
        VaadinSession.getCurrent().setAttribute(FAILURES, failures);
        if (failures >= ATTEMPTS) {
            close();
            authentication.logout();
            return;
        }
        refusal.setText(refused.get() + " " + (ATTEMPTS - failures) + " tries left.");
        refusal.setVisible(true);
    }

    private void display(SecretRead read) {
        removeAll();
        if (confirm != null) {
            getFooter().remove(confirm);
            confirm = null;
        }
        char[] chars = read.value().chars();
        try {
            value.setText(new String(chars));
        } finally {
            Arrays.fill(chars, '\0');
        }
        Paragraph note = new Paragraph("Version " + read.version() + ", written " + Formats.exact(read.createdAt())
                + ". Shown until you close this dialog; the reveal is in the audit trail.");
        note.addClassName("gantry-muted");
        add(note, value);
    }

    private void forget() {
        value.setText("");
        removeAll();
    }
}
