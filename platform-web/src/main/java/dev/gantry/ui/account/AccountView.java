package dev.gantry.ui.account;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.gantry.access.GrantView;
import dev.gantry.access.MfaStatus;
import dev.gantry.access.TeamManagement;
import dev.gantry.access.TotpMfa;
import dev.gantry.security.GantryPrincipal;
import dev.gantry.security.SignInSteps;
import jakarta.annotation.security.PermitAll;

/** One's own account: roles, two-factor status, password, tokens. */
@Route("account")
@PageTitle("My account · Gantry")
@Menu(order = 69, title = "My account", icon = "USER")
@PermitAll
class AccountView extends VerticalLayout {

    AccountView(TotpMfa mfa, TeamManagement teams) {
        addClassName("gantry-page");
        GantryPrincipal me = SignInSteps.currentPrincipal();
        String username = me == null ? "" : me.username();
        add(new H3("Roles"));
        var grants = teams.grantsOf(username);
        if (grants.isEmpty()) {
            add(new Paragraph("You hold no role yet: you can read the catalog and the policy. Ask an administrator "
                    + "for the role your work needs."));
        }
        for (GrantView grant : grants) {
            add(new Paragraph(grant.role() + " (" + grant.scope() + ") — " + grant.role().description()));
        }
        add(new H3("Two-factor authentication"));
        MfaStatus status = mfa.status(username);
        if (status == MfaStatus.ACTIVE) {
            add(new Paragraph("On. " + mfa.remainingRecoveryCodes(username) + " of 10 recovery codes left."));
        } else {
            add(new Paragraph("Off."), new Anchor("mfa/enrol", "Set up an authenticator app"));
        }
        add(new H3("Password"), new Anchor("change-password", "Change your password"));
        add(new H3("API tokens"), new Anchor("account/tokens", "Manage your API tokens"));
    }
}
