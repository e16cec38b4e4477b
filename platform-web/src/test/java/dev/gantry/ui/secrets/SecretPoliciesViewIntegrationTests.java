package dev.gantry.ui.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import dev.gantry.domain.Role;
import dev.gantry.secrets.PolicySubject;
import dev.gantry.secrets.SecretCapability;
import dev.gantry.secrets.SecretPolicies;
import dev.gantry.testing.WithGantryUser;
import dev.gantry.ui.PortalTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Policies edited in the portal: rules with capability checkboxes, the service's errors on their rule, grants. */
@WithGantryUser(username = "ui-policy-admin", roles = Role.SECRETS_ADMIN)
class SecretPoliciesViewIntegrationTests extends PortalTestSupport {

    @Autowired SecretPolicies policies;

    @Test
    void aPolicyIsCreatedFromItsRulesAndGrantedToATeam() {
        navigate("secrets/policies", Component.class);
        test($(Button.class).withId("new-policy").single()).click();
        test($(TextField.class).withId("policy-name").single()).setValue("ui-oncall");
        test($(TextField.class).withId("rule-0-glob").single()).setValue("uioncall/*/prod/**");
        capabilities(0).setValue(Set.of(SecretCapability.LIST, SecretCapability.ROLLBACK));
        test($(Button.class).withId("save-policy").single()).click();

        assertThat(policies.get("ui-oncall").rules()).singleElement().satisfies(rule -> {
            assertThat(rule.pathGlob()).isEqualTo("uioncall/*/prod/**");
            assertThat(rule.capabilities()).containsExactlyInAnyOrder(SecretCapability.LIST,
                    SecretCapability.ROLLBACK);
        });
        test($(TextField.class).withId("grant-subject").single()).setValue("uioncall");
        test($(Button.class).withId("grant-policy").single()).click();
        assertThat(policies.grantsOf("ui-oncall")).extracting(g -> g.subject())
                .containsExactly(PolicySubject.team("uioncall"));
        assertThat(test($(Grid.class).withId("policy-grants-grid").single()).size()).isEqualTo(1);
    }

    @Test
    void aBadGlobInTheSecondRuleIsShownOnThatRuleAndNothingIsStored() {
        navigate("secrets/policies", Component.class);
        test($(Button.class).withId("new-policy").single()).click();
        test($(TextField.class).withId("policy-name").single()).setValue("ui-badglob");
        test($(TextField.class).withId("rule-0-glob").single()).setValue("uibad/**");
        capabilities(0).setValue(Set.of(SecretCapability.READ));
        test($(Button.class).withId("add-rule").single()).click();
        test($(TextField.class).withId("rule-1-glob").single()).setValue("uibad/**/prod/x");
        capabilities(1).setValue(Set.of(SecretCapability.READ));
        test($(Button.class).withId("save-policy").single()).click();

        TextField second = $(TextField.class).withId("rule-1-glob").single();
        assertThat(second.isInvalid()).isTrue();
        assertThat(second.getErrorMessage()).isNotBlank();
        assertThat($(TextField.class).withId("rule-0-glob").single().isInvalid()).isFalse();
        assertThat(policies.list()).noneMatch(p -> p.name().equals("ui-badglob"));
    }

    @Test
    void denyTogetherWithAnotherCapabilityIsRefusedOnTheCapabilities() {
        navigate("secrets/policies", Component.class);
        test($(Button.class).withId("new-policy").single()).click();
        test($(TextField.class).withId("policy-name").single()).setValue("ui-mixeddeny");
        test($(TextField.class).withId("rule-0-glob").single()).setValue("uideny/**");
        capabilities(0).setValue(Set.of(SecretCapability.DENY, SecretCapability.READ));
        test($(Button.class).withId("save-policy").single()).click();

        assertThat(capabilities(0).isInvalid()).isTrue();
        assertThat(policies.list()).noneMatch(p -> p.name().equals("ui-mixeddeny"));
    }

    @SuppressWarnings("unchecked")
    private CheckboxGroup<SecretCapability> capabilities(int rule) {
        return $(CheckboxGroup.class).withId("rule-" + rule + "-capabilities").single();
    }
}
