package dev.gantry.ui.admin;

import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.gantry.access.NewTeam;
import dev.gantry.access.TeamManagement;
import dev.gantry.access.TeamView;
import dev.gantry.access.UserView;
import dev.gantry.domain.ConflictException;
import dev.gantry.domain.InvalidInputException;
import dev.gantry.domain.NotFoundException;
import dev.gantry.ui.components.Notifications;
import jakarta.annotation.security.RolesAllowed;

/** Teams and their members. Roles within a team are granted from a user's roles. */
@Route("admin/teams")
@PageTitle("Teams · Gantry")
@Menu(order = 81, title = "Admin · Teams", icon = "GROUP")
@RolesAllowed("ADMIN")
class TeamsView extends VerticalLayout {

    private final TeamManagement teams;
    private final Grid<TeamView> teamGrid = new Grid<>();
    private final Grid<UserView> memberGrid = new Grid<>();
    private final H3 memberTitle = new H3("Select a team");
    private final TextField newMember = new TextField();
    private final Button addMember = new Button("Add member");

    TeamsView(TeamManagement teams) {
        this.teams = teams;
        addClassName("gantry-page");
        setSizeFull();
        Button create = new Button("New team", VaadinIcon.PLUS.create(), e -> openCreate());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("new-team");
        add(create);

        teamGrid.addColumn(TeamView::name).setHeader("Team");
        teamGrid.addColumn(TeamView::slug).setHeader("Slug");
        teamGrid.addColumn(TeamView::members).setHeader("Members");
        teamGrid.setEmptyStateText("No teams yet. Create one with ‘New team’; people then join it here.");
        teamGrid.asSingleSelect().addValueChangeListener(e -> showMembers(e.getValue()));

        memberGrid.addColumn(UserView::username).setHeader("User name");
        memberGrid.addColumn(UserView::displayName).setHeader("Name");
        memberGrid.addComponentColumn(u -> {
            Button remove = new Button("Remove", e -> {
                TeamView team = teamGrid.asSingleSelect().getValue();
                teams.removeMember(team.slug(), u.username());
                Notifications.done("Removed " + u.username() + " from " + team.name());
                refresh(team);
            });
            remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            return remove;
        });
        memberGrid.setEmptyStateText("Nobody in this team yet. Add a member by user name.");
        newMember.setPlaceholder("user name");
        newMember.setId("new-member");
        addMember.setId("add-member");
        addMember.addClickListener(e -> {
            TeamView team = teamGrid.asSingleSelect().getValue();
            try {
                teams.addMember(team.slug(), newMember.getValue().strip());
                Notifications.done("Added " + newMember.getValue() + " to " + team.name());
                newMember.clear();
                refresh(team);
            } catch (NotFoundException | ConflictException refused) {
                newMember.setInvalid(true);
                newMember.setErrorMessage(refused.getMessage());
            }
        });
        showMembers(null);
        VerticalLayout members = new VerticalLayout(memberTitle, new HorizontalLayout(newMember, addMember),
                memberGrid);
        SplitLayout split = new SplitLayout(teamGrid, members);
        split.setSizeFull();
        addAndExpand(split);
        teamGrid.setItems(teams.all());
    }

    private void refresh(TeamView selected) {
        List<TeamView> all = teams.all();
        teamGrid.setItems(all);
        all.stream().filter(t -> t.id().equals(selected.id())).findFirst().ifPresent(teamGrid::select);
    }

    private void showMembers(TeamView team) {
        boolean chosen = team != null;
        newMember.setEnabled(chosen);
        addMember.setEnabled(chosen);
        memberTitle.setText(chosen ? "Members of " + team.name() : "Select a team to see its members");
        memberGrid.setItems(chosen ? teams.members(team.slug()) : List.of());
    }

    private void openCreate() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("New team");
        TextField slug = new TextField("Slug");
        slug.setHelperText("Short id used in URLs and the API, e.g. payments");
        slug.setId("team-slug");
        TextField name = new TextField("Name");
        name.setId("team-name");
        TextArea description = new TextArea("What the team does");
        dialog.add(new FormLayout(slug, name, description));
        Button save = new Button("Create", e -> {
            try {
                TeamView team = teams.create(new NewTeam(slug.getValue(), name.getValue(), description.getValue()));
                dialog.close();
                Notifications.done("Team " + team.name() + " created");
                refresh(team);
            } catch (InvalidInputException invalid) {
                TextField target = "name".equals(invalid.field()) ? name : slug;
                target.setInvalid(true);
                target.setErrorMessage(invalid.getMessage());
            } catch (ConflictException taken) {
                slug.setInvalid(true);
                slug.setErrorMessage(taken.getMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("create-team");
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }
}
