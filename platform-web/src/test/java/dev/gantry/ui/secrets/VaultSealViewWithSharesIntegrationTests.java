package dev.gantry.ui.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import dev.gantry.domain.Role;
import dev.gantry.secrets.VaultSeal;
import dev.gantry.testing.TestDataDirectory;
import dev.gantry.testing.WithGantryUser;
import dev.gantry.testing.ThisContextsSecurityContexts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestExecutionListeners;

/** The seal view on a node configured to unseal with shares; each test starts from an uninitialised vault. */
@SpringBootTest
// A portal context of its own (shares instead of a key file); closed afterwards to spare memory.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestExecutionListeners(listeners = ThisContextsSecurityContexts.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
@WithGantryUser(username = "share-keeper", roles = Role.SECRETS_ADMIN)
class VaultSealViewWithSharesIntegrationTests extends SpringBrowserlessTest {

    @DynamicPropertySource
    static void shamirNode(DynamicPropertyRegistry registry) {
        TestDataDirectory.register(registry, "portal-shamir");
        registry.add("gantry.secrets.unseal.mode", () -> "shamir");
    }

    @Autowired VaultSeal seal;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void uninitialised() {
        seal.seal();
        for (String table : List.of("secret_version", "secret_metadata", "secret_keyring", "secret_seal")) {
            jdbc.update("delete from " + table);
        }
    }

    @Test
    void initialisingShowsEveryShareOnceAndLeavesTheVaultSealed() {
        navigate("secrets/seal", Component.class);
        test($(IntegerField.class).withId("init-shares").single()).setValue(3);
        test($(IntegerField.class).withId("init-threshold").single()).setValue(2);

        test($(Button.class).withId("initialise-vault").single()).click();

        String shown = $(Div.class).withId("one-time-secret").single().getText();
        assertThat(shown.lines().toList()).hasSize(3).allMatch(line -> line.matches("[1-3]-[0-9a-f]{64}"));
        assertThat(seal.status().sealed()).isTrue();
        assertThat($(Span.class).withId("unseal-progress").single().getText()).isEqualTo("0 of 2 shares entered");
    }

    @Test
    void aThresholdOfOneAmongSeveralSharesIsRefusedOnTheThreshold() {
        navigate("secrets/seal", Component.class);
        test($(IntegerField.class).withId("init-shares").single()).setValue(3);
        test($(IntegerField.class).withId("init-threshold").single()).setValue(1);

        test($(Button.class).withId("initialise-vault").single()).click();

        IntegerField threshold = $(IntegerField.class).withId("init-threshold").single();
        assertThat(threshold.isInvalid()).isTrue();
        assertThat(threshold.getErrorMessage()).contains("every holder unseal alone");
        assertThat(seal.status().initialised()).isFalse();
    }

    @Test
    void sharesCountTowardsTheThresholdCanBeResetAndThenUnseal() {
        List<String> shares = seal.initialise(3, 2).shares();
        navigate("secrets/seal", Component.class);

        enter(shares.get(0));
        assertThat($(Span.class).withId("unseal-progress").single().getText()).isEqualTo("1 of 2 shares entered");
        test($(Button.class).withId("reset-unseal").single()).click();
        assertThat($(Span.class).withId("unseal-progress").single().getText()).isEqualTo("0 of 2 shares entered");
        enter(shares.get(2));
        enter(shares.get(1));

        assertThat(seal.status().sealed()).isFalse();
        assertThat($(Span.class).withId("seal-state").single().getText()).isEqualTo("unsealed");
        assertThat($(PasswordField.class).exists()).as("the share field is gone").isFalse();
    }

    @Test
    void aShareThatIsNotOneIsRefusedAndTheVaultStaysSealed() {
        seal.initialise(3, 2);
        navigate("secrets/seal", Component.class);

        enter("not a share");

        assertThat(test($(Notification.class).last()).getText()).contains("an unseal share looks like");
        assertThat(seal.status().sealed()).isTrue();
        assertThat($(PasswordField.class).withId("unseal-share").single().getValue()).isEmpty();
    }

    @Test
    void rekeyingTakesTheCurrentSharesAndShowsNewOnesThatUnsealOnce() {
        List<String> old = seal.initialise(3, 2).shares();
        seal.submitShare(old.get(0));
        seal.submitShare(old.get(1));
        navigate("secrets/seal", Component.class);

        test($(IntegerField.class).withId("rekey-shares").single()).setValue(4);
        test($(IntegerField.class).withId("rekey-threshold").single()).setValue(3);
        test($(Button.class).withId("start-rekey").single()).click();
        rekeyWith(old.get(2));
        assertThat($(Span.class).withId("rekey-progress").single().getText()).startsWith("1 of 2 current shares");
        rekeyWith(old.get(0));

        List<String> fresh = $(Div.class).withId("one-time-secret").single().getText().lines().toList();
        assertThat(fresh).hasSize(4);
        assertThat(seal.rekeyStatus().inProgress()).isFalse();
        seal.seal();
        fresh.subList(1, 4).forEach(seal::submitShare);
        assertThat(seal.status().sealed()).as("three of the new shares unseal").isFalse();
    }

    private void rekeyWith(String share) {
        test($(PasswordField.class).withId("rekey-share").single()).setValue(share);
        test($(Button.class).withId("submit-rekey-share").single()).click();
    }

    private void enter(String share) {
        test($(PasswordField.class).withId("unseal-share").single()).setValue(share);
        test($(Button.class).withId("submit-share").single()).click();
    }
}
