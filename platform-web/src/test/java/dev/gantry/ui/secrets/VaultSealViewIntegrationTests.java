package dev.gantry.ui.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Span;
import dev.gantry.domain.Role;
import dev.gantry.secrets.RootKeyRewrap;
import dev.gantry.secrets.SecretValue;
import dev.gantry.secrets.SecretVault;
import dev.gantry.secrets.VaultSeal;
import dev.gantry.testing.WithGantryUser;
import dev.gantry.ui.PortalTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The seal view on a node that unseals from its key file, the default. */
class VaultSealViewIntegrationTests extends PortalTestSupport {

    @Autowired VaultSeal seal;
    @Autowired RootKeyRewrap rewrap;
    @Autowired SecretVault vault;

    @Test
    @WithGantryUser(username = "seal-keeper", roles = Role.SECRETS_ADMIN)
    void sealingAsksFirstAndAKeyFileNodeOpensAgainFromItsKeyFile() {
        navigate("secrets/seal", Component.class);
        assertThat($(Span.class).withId("seal-state").single().getText()).isEqualTo("unsealed");

        test($(Button.class).withId("seal-vault").single()).click();
        assertThat(seal.status().sealed()).as("nothing happens before the confirmation").isFalse();
        test($(ConfirmDialog.class).single()).confirm();
        assertThat(seal.status().sealed()).isTrue();
        assertThat($(Span.class).withId("seal-state").single().getText()).isEqualTo("sealed");

        test($(Button.class).withId("unseal-key-file").single()).click();

        assertThat(seal.status().sealed()).isFalse();
        assertThat($(Span.class).withId("seal-state").single().getText()).isEqualTo("unsealed");
    }

    @Test
    @WithGantryUser(username = "seal-keeper", roles = Role.SECRETS_ADMIN)
    void afterARootKeyRotationTheRewrapMovesEveryStoredKeyAndShowsItsProgress() {
        vault.write("uirewrap/api/staging/db", SecretValue.of("x".toCharArray()), null);
        navigate("secrets/seal", Component.class);

        test($(Button.class).withId("rotate-root-key").single()).click();
        assertThat(rewrap.status().complete()).isFalse();
        assertThat($(Span.class).withId("rewrap-progress").single().getText())
                .startsWith(rewrap.status().done() + " of " + rewrap.status().total());
        while ($(Button.class).withId("rewrap-batch").single().isEnabled()) {
            test($(Button.class).withId("rewrap-batch").single()).click();
        }

        assertThat(rewrap.status().complete()).isTrue();
        assertThat($(Span.class).withId("rewrap-progress").single().getText())
                .startsWith(rewrap.status().total() + " of " + rewrap.status().total());
        assertThat($(Button.class).withId("raise-min-decryption").single().isEnabled()).isTrue();
    }
}
