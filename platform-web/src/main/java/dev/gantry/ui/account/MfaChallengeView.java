package dev.gantry.ui.account;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.gantry.access.TotpMfa;
import dev.gantry.security.GantryPrincipal;
import dev.gantry.security.SignInStage;
import dev.gantry.security.SignInSteps;
import jakarta.annotation.security.PermitAll;

/** The second step of sign-in: a code from the authenticator app, or one recovery code. */
@Route(value = "mfa/verify", autoLayout = false)
@PageTitle("Verify · Gantry")
@PermitAll
class MfaChallengeView extends VerticalLayout {

    /** Wrong codes a session may try before it is signed out and must start with the password again. */
    static final int ATTEMPTS = 5;

    private int failures;

    MfaChallengeView(TotpMfa mfa, SignInSteps steps, AuthenticationContext authentication) {
        addClassName("gantry-stage");
        GantryPrincipal principal = SignInSteps.currentPrincipal();
        add(new H2("Two-factor authentication"), new Paragraph("Type the 6-digit code from your authenticator app."));
        TextField code = new TextField("Code");
        code.setId("mfa-code");
        code.setMaxLength(16);
        Checkbox recovery = new Checkbox("Use a recovery code instead");
        recovery.addValueChangeListener(e -> code.setLabel(e.getValue() ? "Recovery code" : "Code"));
        Button verify = new Button("Verify", e -> {
            String value = code.getValue().strip();
            boolean accepted = recovery.getValue() ? mfa.useRecoveryCode(principal.username(), value)
                    : mfa.verify(principal.username(), value.replace(" ", ""));
            if (accepted) {
                steps.advance(VaadinServletRequest.getCurrent().getHttpServletRequest().getSession(),
                        SignInStage.MFA_CHALLENGE);
                UI.getCurrent().navigate("");
                return;
            }
            failures++;
            code.clear();
            if (failures >= ATTEMPTS) {
                authentication.logout();
                return;
            }
            code.setInvalid(true);
            code.setErrorMessage("Not accepted (" + (ATTEMPTS - failures) + " tries left). Each code works once; "
                    + "wait for the next one, or use a recovery code.");
        });
        verify.setId("verify-mfa");
        verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        verify.addClickShortcut(Key.ENTER);
        add(code, recovery, verify);
    }
}
