package dev.gantry.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;
import dev.gantry.access.TeamManagement;
import dev.gantry.access.UserManagement;
import dev.gantry.domain.Role;
import dev.gantry.testing.WithGantryUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

@WithGantryUser(username = "root", roles = Role.ADMIN)
class AdminViewsIntegrationTests extends PortalTestSupport {

    @Autowired UserManagement users;
    @Autowired TeamManagement teams;

    @Test
    void anAdminCreatesAUserAndSeesTheOneTimePasswordOnce() {
        navigate("admin/users", com.vaadin.flow.component.Component.class);
        test($(Button.class).withId("new-user").single()).click();
        test($(TextField.class).withLabel("User name").single()).setValue("quinn");
        test($(TextField.class).withLabel("Display name").single()).setValue("Quinn Adams");
        test($(Button.class).withId("create-user").single()).click();

        String oneTime = $(Div.class).withId("one-time-secret").single().getText();
        assertThat(oneTime).hasSize(20);
        assertThat(users.find("quinn", PageRequest.of(0, 5)).getContent()).singleElement()
                .satisfies(u -> assertThat(u.mustChangePassword()).isTrue());
    }

    @Test
    void aBadUserNameIsMarkedOnItsFieldAndNothingIsCreated() {
        long before = users.find("", PageRequest.of(0, 1)).getTotalElements();
        navigate("admin/users", com.vaadin.flow.component.Component.class);
        test($(Button.class).withId("new-user").single()).click();
        TextField username = $(TextField.class).withLabel("User name").single();
        test(username).setValue("Bad Name!");
        test($(TextField.class).withLabel("Display name").single()).setValue("Bad");
        test($(Button.class).withId("create-user").single()).click();

        assertThat(username.isInvalid()).isTrue();
        assertThat(username.getErrorMessage()).contains("lower-case letters");
        assertThat(users.find("", PageRequest.of(0, 1)).getTotalElements()).isEqualTo(before);
    }

    @Test
    void anAdminCreatesATeamAndAddsAMember() {
        navigate("admin/teams", com.vaadin.flow.component.Component.class);
        test($(Button.class).withId("new-team").single()).click();
        test($(TextField.class).withLabel("Slug").single()).setValue("observability");
        test($(TextField.class).withLabel("Name").single()).setValue("Observability");
        test($(Button.class).withId("create-team").single()).click();

        assertThat(teams.all()).anyMatch(t -> t.slug().equals("observability"));
        Grid<?> grid = $(Grid.class).first();
        assertThat(test(grid).size()).isGreaterThanOrEqualTo(1);
    }
}
