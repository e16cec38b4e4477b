package dev.gantry.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import dev.gantry.access.GrantView;
import dev.gantry.access.TeamManagement;
import dev.gantry.access.TeamView;
import dev.gantry.domain.ConflictException;
import dev.gantry.domain.InvalidInputException;
import dev.gantry.domain.Role;
import dev.gantry.ui.components.Formats;
import dev.gantry.ui.components.Notifications;
import org.springframework.stereotype.Component;

/** The roles of one user: what they hold, globally or per team, and the form to grant or revoke. */
@Component
class RolesDialogFactory {

    private final TeamManagement teams;

    RolesDialogFactory(TeamManagement teams) {
        this.teams = teams;
    }

    void open(String username) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Roles of " + username);
        dialog.setWidth("760px");
        Grid<GrantView> grid = new Grid<>();
        grid.addColumn(GrantView::role).setHeader("Role");
        grid.addColumn(GrantView::scope).setHeader("Scope");
        grid.addColumn(GrantView::grantedBy).setHeader("Granted by");
        grid.addColumn(g -> Formats.exact(g.grantedAt())).setHeader("Granted");
        grid.addComponentColumn(g -> {
            Button revoke = new Button("Revoke", e -> {
                try {
                    teams.revoke(g.id());
                    Notifications.done("Revoked " + g.role() + " (" + g.scope() + ")");
                } catch (InvalidInputException refused) {
                    Notifications.refused(refused.getMessage());
                }
                grid.setItems(teams.grantsOf(username));
            });
            revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            return revoke;
        });
        grid.setEmptyStateText("No roles yet: this user can sign in but do nothing beyond reading.");
        grid.setAllRowsVisible(true);
        grid.setItems(teams.grantsOf(username));

        ComboBox<Role> role = new ComboBox<>("Role");
        role.setItems(Role.values());
        role.setItemLabelGenerator(Role::name);
        role.setHelperText("ADMIN, AUDITOR, RELEASE_MANAGER, SECRETS_ADMIN, INCIDENT_COMMANDER, ENGINEER, VIEWER");
        role.setId("grant-role");
        ComboBox<TeamView> team = new ComboBox<>("Team (leave empty for global)");
        team.setItems(teams.teamsOf(username));
        team.setId("grant-team");
        team.setItemLabelGenerator(TeamView::name);
        team.setClearButtonVisible(true);
        team.setHelperText("Only teams the user belongs to");
        Button grant = new Button("Grant", e -> {
            if (role.getValue() == null) {
                role.setInvalid(true);
                role.setErrorMessage("Choose a role");
                return;
            }
            try {
                GrantView granted = teams.grant(username, role.getValue(),
                        team.getValue() == null ? null : team.getValue().slug());
                Notifications.done("Granted " + granted.role() + " (" + granted.scope() + ")");
                grid.setItems(teams.grantsOf(username));
            } catch (InvalidInputException | ConflictException refused) {
                Notifications.refused(refused.getMessage());
            }
        });
        grant.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grant.setId("grant-role-button");
        HorizontalLayout form = new HorizontalLayout(role, team, grant);
        form.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        dialog.add(grid, new Paragraph("Grant a role"), form);
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        dialog.open();
    }
}
