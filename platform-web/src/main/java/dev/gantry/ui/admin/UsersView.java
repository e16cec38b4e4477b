package dev.gantry.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import dev.gantry.access.AccountKind;
import dev.gantry.access.CreatedUser;
import dev.gantry.access.NewUser;
import dev.gantry.access.UserManagement;
import dev.gantry.access.UserView;
import dev.gantry.domain.ConflictException;
import dev.gantry.domain.InvalidInputException;
import dev.gantry.ui.components.Notifications;
import dev.gantry.ui.components.OneTimeSecretDialog;
import dev.gantry.ui.components.Formats;
import jakarta.annotation.security.RolesAllowed;

/** Accounts of people and machines: create, disable, reset passwords, and open a user's roles. */
@Route("admin/users")
@PageTitle("Users · Gantry")
@Menu(order = 80, title = "Admin · Users", icon = "USERS")
@RolesAllowed("ADMIN")
class UsersView extends VerticalLayout {

    private final UserManagement users;
    private final RolesDialogFactory roles;
    private final Grid<UserView> grid = new Grid<>();
    private final TextField filter = new TextField();

    UsersView(UserManagement users, RolesDialogFactory roles) {
        this.users = users;
        this.roles = roles;
        addClassName("gantry-page");
        setSizeFull();
        filter.setPlaceholder("Search by name");
        filter.setPrefixComponent(VaadinIcon.SEARCH.create());
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        Button create = new Button("New user", VaadinIcon.PLUS.create(), e -> openCreate());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("new-user");
        add(new HorizontalLayout(filter, create));

        grid.addColumn(UserView::username).setHeader("User name").setAutoWidth(true);
        grid.addColumn(UserView::displayName).setHeader("Name").setAutoWidth(true);
        grid.addColumn(u -> u.kind() == AccountKind.SERVICE ? "service account" : "person").setHeader("Kind");
        grid.addComponentColumn(UsersView::status).setHeader("Status");
        grid.addColumn(u -> Formats.ago(u.lastSignInAt())).setHeader("Last sign-in");
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setItems(query -> users.find(filter.getValue(), VaadinSpringDataHelpers.toSpringPageRequest(query))
                .stream());
        grid.setEmptyStateText("No user matches. Clear the search, or create a user with ‘New user’.");
        addAndExpand(grid);
    }

    private static Span status(UserView u) {
        Span s = new Span(!u.enabled() ? "disabled" : u.lockedUntil() != null ? "locked" : "active");
        s.addClassName(u.enabled() && u.lockedUntil() == null ? "gantry-ok" : "gantry-bad");
        return s;
    }

    private HorizontalLayout actions(UserView user) {
        Button rolesButton = new Button("Roles", e -> roles.open(user.username()));
        rolesButton.setId("roles-" + user.username());
        Button reset = new Button("Reset password", e -> confirm("Reset the password of " + user.username() + "?",
                "They will sign in with a one-time password you hand over, and must choose a new one.",
                () -> new OneTimeSecretDialog("One-time password for " + user.username(),
                        "Hand this over in person or through a secure channel. It is shown only now.",
                        users.resetPassword(user.username())).open()));
        Button toggle = user.enabled()
                ? new Button("Disable", e -> confirm("Disable " + user.username() + "?",
                        "Their sessions end and their API tokens stop working at once.",
                        () -> users.disable(user.username())))
                : new Button("Enable", e -> run(() -> users.enable(user.username()), "Enabled " + user.username()));
        for (Button b : new Button[] {rolesButton, reset, toggle}) {
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        }
        return new HorizontalLayout(rolesButton, reset, toggle);
    }

    private void confirm(String header, String text, Runnable action) {
        ConfirmDialog dialog = new ConfirmDialog(header, text, "Yes", e -> run(action, "Done"));
        dialog.setCancelable(true);
        dialog.open();
    }

    private void run(Runnable action, String done) {
        try {
            action.run();
            Notifications.done(done);
        } catch (InvalidInputException | ConflictException refused) {
            Notifications.refused(refused.getMessage());
        }
        grid.getDataProvider().refreshAll();
    }

    private void openCreate() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("New user");
        TextField username = new TextField("User name");
        username.setHelperText("Lower-case, e.g. alice or ci-bot; it cannot change later");
        username.setId("user-username");
        TextField displayName = new TextField("Display name");
        displayName.setId("user-display-name");
        EmailField email = new EmailField("E-mail (optional)");
        RadioButtonGroup<AccountKind> kind = new RadioButtonGroup<>("Kind");
        kind.setItems(AccountKind.values());
        kind.setItemLabelGenerator(k -> k == AccountKind.PERSON ? "Person (signs in to the portal)"
                : "Service account (API tokens only)");
        kind.setValue(AccountKind.PERSON);
        FormLayout form = new FormLayout(username, displayName, email, kind);
        dialog.add(form);
        Button save = new Button("Create", e -> {
            try {
                CreatedUser created = users.create(new NewUser(username.getValue(), displayName.getValue(),
                        email.getValue(), kind.getValue()));
                dialog.close();
                grid.getDataProvider().refreshAll();
                new OneTimeSecretDialog("User " + created.user().username() + " created",
                        "Their one-time password, shown only now. They choose their own at first sign-in.",
                        created.oneTimePassword()).open();
            } catch (InvalidInputException | ConflictException refused) {
                String field = refused instanceof InvalidInputException i ? i.field() : ((ConflictException) refused).field();
                TextField target = "displayName".equals(field) ? displayName : username;
                if ("email".equals(field)) {
                    email.setInvalid(true);
                    email.setErrorMessage(refused.getMessage());
                } else {
                    target.setInvalid(true);
                    target.setErrorMessage(refused.getMessage());
                }
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("create-user");
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }
}
