package dev.gantry.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import dev.gantry.domain.Role;
import dev.gantry.domain.policy.PolicyPack;
import dev.gantry.testing.WithGantryUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ReadingViewsIntegrationTests extends PortalTestSupport {

    @Autowired PolicyPack pack;

    @Test
    @WithGantryUser(username = "viewer", roles = Role.VIEWER)
    void thePolicyViewShowsTheActivePackGroupedByArea() {
        navigate("policy", Component.class);

        assertThat($view(H2.class).single().getText()).isEqualTo(pack.name());
        assertThat($(Details.class).all()).hasSize(pack.byArea().size());
    }

    @Test
    @WithGantryUser(username = "newcomer", roles = Role.VIEWER)
    void theHomePageTellsSomeoneWithoutATeamWhatToDo() {
        navigate("", Component.class);

        assertThat($(Paragraph.class).withClassName("gantry-empty").all())
                .extracting(Paragraph::getText)
                .anyMatch(text -> text.contains("not in a team"));
    }

    @Test
    @WithGantryUser(username = "auditor", roles = Role.AUDITOR)
    void anAuditorVerifiesTheChainFromTheAuditView() {
        navigate("audit", Component.class);
        test($(Button.class).withId("verify-chain").single()).click();

        assertThat($(Div.class).withId("verification-result").single().getElement().getTextRecursively())
                .startsWith("Intact");
    }
}
