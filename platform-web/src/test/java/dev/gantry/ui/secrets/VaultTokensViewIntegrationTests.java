package dev.gantry.ui.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;
import dev.gantry.domain.Role;
import dev.gantry.secrets.NewVaultToken;
import dev.gantry.secrets.SecretValue;
import dev.gantry.secrets.SecretVault;
import dev.gantry.secrets.VaultTokenState;
import dev.gantry.secrets.VaultTokenView;
import dev.gantry.secrets.VaultTokens;
import dev.gantry.testing.WithGantryUser;
import dev.gantry.ui.PortalTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Vault tokens in the portal: made with the caller's policies, shown once, renewed and revoked with children. */
class VaultTokensViewIntegrationTests extends PortalTestSupport {

    @Autowired VaultTokens tokens;
    @Autowired SecretVault vault;

    @Test
    @WithGantryUser(username = "ui-token-maker", teamRoles = "uitokens:ENGINEER")
    void aMachineTokenIsShownOnceAndReadsTheTeamsSecretsWithItsPolicy() {
        SecretsAs.keeper(() -> vault.write("uitokens/ci/staging/deploy-key", SecretValue.of("k".toCharArray()),
                null));
        navigate("secrets/tokens", Component.class);
        test($(Button.class).withId("new-vault-token").single()).click();
        test($(TextField.class).withId("token-name").single()).setValue("ci-deploy");
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<String> policies = $(MultiSelectComboBox.class).withId("token-policies").single();
        test(policies).selectItem("builtin:team-engineer:uitokens");
        test($(Button.class).withId("create-token").single()).click();

        Div shown = $(Div.class).withId("one-time-secret").single();
        String value = shown.getText();
        assertThat(value).startsWith("gvt_");
        assertThat(tokens.authenticate(value)).get().satisfies(a -> assertThat(a.getName()).startsWith("vault-token:"));
        test($(Button.class).withId("one-time-secret-stored").single()).click();
        assertThat(shown.getText()).as("the value leaves the page").isEmpty();
        assertThat($(Dialog.class).all()).isEmpty();
        List<VaultTokenView> mine = tokens.list("ui-token-maker");
        assertThat(mine).singleElement().satisfies(t -> assertThat(t.policies())
                .containsExactly("builtin:team-engineer:uitokens"));
    }

    @Test
    @WithGantryUser(username = "ui-token-greedy", teamRoles = "uitokensgreedy:VIEWER")
    void aPolicyTheCreatorDoesNotHoldIsRefusedOnThePolicies() {
        navigate("secrets/tokens", Component.class);
        test($(Button.class).withId("new-temporary-token").single()).click();
        test($(TextField.class).withId("token-name").single()).setValue("laptop");
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<String> policies = $(MultiSelectComboBox.class).withId("token-policies").single();
        assertThat(test(policies).getSuggestionItems()).containsExactly("builtin:team-viewer:uitokensgreedy");
        policies.setValue(Set.of("builtin:secrets-admin"));
        test($(Button.class).withId("create-token").single()).click();

        assertThat(policies.isInvalid()).isTrue();
        assertThat($(Div.class).withId("one-time-secret").exists()).isFalse();
        assertThat(tokens.list("ui-token-greedy")).isEmpty();
    }

    @Test
    @WithGantryUser(username = "ui-token-revoker", teamRoles = "uitokensrev:ENGINEER")
    void revokingAParentWarnsOfItsChildrenAndEndsThemToo() {
        var parent = tokens.create(new NewVaultToken("parent", Set.of("builtin:team-engineer:uitokensrev"),
                java.time.Duration.ofHours(1), null, false, null)).token();
        var child = tokens.create(new NewVaultToken("child", Set.of("builtin:team-engineer:uitokensrev"),
                java.time.Duration.ofMinutes(30), null, false, parent.id())).token();
        navigate("secrets/tokens", Component.class);

        @SuppressWarnings("unchecked")
        Grid<VaultTokenView> grid = $(Grid.class).withId("vault-tokens").single();
        assertThat(test(grid).size()).isEqualTo(2);
        test(buttonInGrid("vault-tokens", "actions", "revoke-" + parent.id())).click();
        ConfirmDialog confirm = $(ConfirmDialog.class).single();
        assertThat(test(confirm).getText()).contains("every token created from it").contains("1 shown here");
        test(confirm).confirm();

        assertThat(tokens.lookup(child.id()).state()).isEqualTo(VaultTokenState.REVOKED);
        assertThat(gridHasButton("vault-tokens", "actions", "revoke-" + child.id())).isFalse();
    }

    @Test
    @WithGantryUser(username = "ui-token-admin", roles = Role.SECRETS_ADMIN)
    void aSecretsAdministratorSeesEveryonesTokens() {
        SecretsAs.as("ui-token-other", List.of(), List.of("uitokensother:ENGINEER"), () -> tokens.create(
                new NewVaultToken("someone-elses", Set.of("builtin:team-viewer:uitokensother"),
                        java.time.Duration.ofHours(1), null, false, null)));
        navigate("secrets/tokens", Component.class);

        @SuppressWarnings("unchecked")
        Grid<VaultTokenView> grid = $(Grid.class).withId("vault-tokens").single();
        assertThat(java.util.stream.IntStream.range(0, test(grid).size()).mapToObj(row -> test(grid).getRow(row)))
                .anySatisfy(t -> assertThat(t.owner()).isEqualTo("ui-token-other"));
    }
}
