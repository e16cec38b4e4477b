package dev.gantry.ui.account;

import java.util.List;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import dev.gantry.access.MfaException;
import dev.gantry.access.MfaStatus;
import dev.gantry.access.TotpEnrolment;
import dev.gantry.access.TotpMfa;
import dev.gantry.security.GantryPrincipal;
import dev.gantry.security.SignInStage;
import dev.gantry.security.SignInSteps;
import jakarta.annotation.security.PermitAll;

/**
 * Enrolling an authenticator app: scan the QR code (or type the key), confirm with a code, keep the recovery codes.
 * Part of sign-in when MFA is required; available from the account menu otherwise. The secret is shown only here
 * and removed from the page once the enrolment is confirmed.
 */
@Route(value = "mfa/enrol", autoLayout = false)
@PageTitle("Set up two-factor authentication · Gantry")
@PermitAll
class MfaEnrolmentView extends VerticalLayout {

    private final TotpMfa mfa;
    private final SignInSteps steps;
    private final GantryPrincipal principal;

    MfaEnrolmentView(TotpMfa mfa, SignInSteps steps) {
        this.mfa = mfa;
        this.steps = steps;
        this.principal = SignInSteps.currentPrincipal();
        addClassName("gantry-stage");
        add(new H2("Set up two-factor authentication"));
        if (mfa.status(principal.username()) == MfaStatus.ACTIVE) {
            add(new Paragraph("Two-factor authentication is already on for your account. To move it to a new "
                    + "device, ask an administrator to reset it, then enrol again."));
            return;
        }
        showEnrolment(mfa.beginEnrolment(principal.username()));
    }

    private void showEnrolment(TotpEnrolment enrolment) {
        boolean required = principal.stage() == SignInStage.MFA_ENROLMENT;
        add(new Paragraph((required ? "Your role requires a second factor. " : "")
                + "Scan this code with an authenticator app (any app that supports TOTP), then type the 6-digit "
                + "code it shows."));
        add(QrCode.of(enrolment.otpauthUri(), "QR code for your authenticator app"));
        Div key = new Div(new Span("Or type this key: "), secret(enrolment.secretBase32()));
        key.setId("totp-secret-line");
        add(key);
        TextField code = new TextField("Code from the app");
        code.setId("totp-code");
        code.setMaxLength(8);
        code.setAllowedCharPattern("[0-9 ]");
        Button confirm = new Button("Confirm", e -> {
            try {
                List<String> recovery = mfa.confirmEnrolment(principal.username(), code.getValue().replace(" ", ""));
                showRecoveryCodes(recovery);
            } catch (MfaException wrong) {
                code.setInvalid(true);
                code.setErrorMessage("That code was not accepted. Check the time on your phone is right and type the "
                        + "code that shows now.");
            }
        });
        confirm.setId("confirm-totp");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickShortcut(Key.ENTER);
        add(code, confirm);
    }

    private static Span secret(String value) {
        Span span = new Span(value);
        span.addClassName("gantry-secret");
        span.setId("totp-secret");
        return span;
    }

    private void showRecoveryCodes(List<String> codes) {
        removeAll();
        add(new H2("Two-factor authentication is on"));
        add(new Paragraph("Keep these recovery codes somewhere safe, away from your phone. Each one signs you in "
                + "once if you lose your device. They are shown only now."));
        Div list = new Div();
        list.addClassName("gantry-secret");
        list.setId("recovery-codes");
        list.getStyle().set("white-space", "pre");
        list.setText(String.join("\n", codes));
        Button done = new Button("I have stored them — continue", e -> {
            removeAll();
            SignInStage next = principal.stage() == SignInStage.MFA_ENROLMENT
                    ? steps.advance(VaadinServletRequest.getCurrent().getHttpServletRequest().getSession(),
                            SignInStage.MFA_ENROLMENT)
                    : SignInStage.COMPLETE;
            UI.getCurrent().navigate(next.route());
        });
        done.setId("recovery-codes-stored");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(list, done);
    }
}
