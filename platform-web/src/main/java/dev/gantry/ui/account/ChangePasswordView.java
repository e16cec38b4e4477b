package dev.gantry.ui.account;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import dev.gantry.access.UserManagement;
import dev.gantry.domain.InvalidInputException;
import dev.gantry.security.GantryPrincipal;
import dev.gantry.security.SignInStage;
import dev.gantry.security.SignInSteps;
import jakarta.annotation.security.PermitAll;

/** Changing one's own password: forced at first sign-in, available at any time after. */
@Route(value = "change-password", autoLayout = false)
@PageTitle("Change password · Gantry")
@PermitAll
class ChangePasswordView extends VerticalLayout {

    private final PasswordField current = new PasswordField("Current password");
    private final PasswordField chosen = new PasswordField("New password");
    private final PasswordField repeated = new PasswordField("New password again");

    ChangePasswordView(UserManagement users, SignInSteps steps) {
        addClassName("gantry-stage");
        GantryPrincipal principal = SignInSteps.currentPrincipal();
        boolean forced = principal != null && principal.stage() == SignInStage.PASSWORD_CHANGE;
        add(new H2(forced ? "Choose your own password" : "Change your password"));
        if (forced) {
            add(new Paragraph("You signed in with a one-time password. Choose a password of your own before you go on: "
                    + "at least 12 characters, not containing your user name."));
        }
        current.setId("current-password");
        chosen.setId("new-password");
        repeated.setId("repeat-password");
        for (PasswordField field : new PasswordField[] {current, chosen, repeated}) {
            field.setWidthFull();
            field.setRequired(true);
        }
        chosen.setHelperText("At least 12 characters; a passphrase of a few words is easy to remember");
        Button save = new Button("Change password", e -> {
            clearErrors();
            if (!chosen.getValue().equals(repeated.getValue())) {
                repeated.setInvalid(true);
                repeated.setErrorMessage("The two new passwords differ; type the same one twice");
                return;
            }
            try {
                users.changeOwnPassword(current.getValue(), chosen.getValue());
            } catch (InvalidInputException refused) {
                PasswordField field = "currentPassword".equals(refused.field()) ? current : chosen;
                field.setInvalid(true);
                field.setErrorMessage(refused.getMessage());
                return;
            } finally {
                current.clear();
                chosen.clear();
                repeated.clear();
            }
            SignInStage next = forced
                    ? steps.advance(VaadinServletRequest.getCurrent().getHttpServletRequest().getSession(),
                            SignInStage.PASSWORD_CHANGE)
                    : steps.refreshStamp(VaadinServletRequest.getCurrent().getHttpServletRequest().getSession());
            Notification.show("Password changed", 3000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            UI.getCurrent().navigate(next.route());
        });
        save.setId("change-password");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        add(current, chosen, repeated, save);
    }

    private void clearErrors() {
        current.setInvalid(false);
        chosen.setInvalid(false);
        repeated.setInvalid(false);
    }
}
