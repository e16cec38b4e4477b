package dev.gantry.ui.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.gantry.access.AccountKind;
import dev.gantry.access.AuditLog;
import dev.gantry.access.AuditQuery;
import dev.gantry.access.NewUser;
import dev.gantry.access.Totp;
import dev.gantry.access.TotpMfa;
import dev.gantry.access.UserManagement;
import dev.gantry.config.VaultUnsealing;
import dev.gantry.domain.Role;
import dev.gantry.domain.audit.AuditOutcome;
import dev.gantry.secrets.SecretValue;
import dev.gantry.secrets.SecretVault;
import dev.gantry.secrets.SecretVersionInfo;
import dev.gantry.secrets.VaultSeal;
import dev.gantry.secrets.VersionState;
import dev.gantry.testing.GantryUserSecurityContextFactory;
import dev.gantry.testing.WithGantryUser;
import dev.gantry.ui.PortalTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** The Secrets view as people use it, on the application's real vault (a key-file vault, unsealed at start). */
class SecretsViewIntegrationTests extends PortalTestSupport {

    @Autowired SecretVault vault;
    @Autowired VaultSeal seal;
    @Autowired VaultUnsealing unsealing;
    @Autowired UserManagement users;
    @Autowired TotpMfa mfa;
    @Autowired AuditLog audit;

    @Test
    @WithGantryUser(username = "ui-engineer", teamRoles = {"uicreate:ENGINEER"})
    void anEngineerCreatesASecretThatTheVaultThenHolds() {
        navigate("secrets", Component.class);
        test($(Button.class).withId("new-secret").single()).click();
        test($(TextField.class).withId("secret-path").single()).setValue("uicreate/api/staging/token");
        test($(TextArea.class).withId("secret-value").single()).setValue("created in the portal");
        test($(Button.class).withId("save-secret").single()).click();

        assertThat(as("ui-keeper", Role.SECRETS_ADMIN, () -> new String(vault.read("uicreate/api/staging/token")
                .value().chars()))).isEqualTo("created in the portal");
        assertThat($(Dialog.class).all()).as("the dialog and its value are gone").isEmpty();
        assertThat($(SecretDetails.class).single().getElement().getTextRecursively())
                .contains("uicreate/api/staging/token");
    }

    @Test
    @WithGantryUser(username = "ui-engineer", teamRoles = {"uigrid:ENGINEER", "uigridother:ENGINEER"})
    void theGridListsSecretsUnderThePrefixTyped() {
        stored("uigrid/api/staging/a", "x");
        stored("uigrid/api/staging/b", "x");
        stored("uigridother/api/staging/a", "x");
        navigate("secrets", Component.class);

        test($(TextField.class).withId("secret-prefix").single()).setValue("uigrid/");

        Grid<?> grid = $(Grid.class).withId("secrets-grid").single();
        assertThat(test(grid).size()).isEqualTo(2);
        assertThat(test(grid).getCellText(0, 0)).isEqualTo("uigrid/api/staging/a");
    }

    @Test
    @WithGantryUser(username = "ui-engineer", teamRoles = {"uireveal:ENGINEER"})
    void aStagingValueIsShownOnlyOnClickAndDroppedWhenTheDialogCloses() {
        stored("uireveal/api/staging/db", "staging-value-1");
        openSecret("uireveal/");

        assertThat($(Div.class).withId("revealed-secret").exists()).as("nothing shown before the click").isFalse();
        versionAction("reveal-1").click();
        Div shown = $(Div.class).withId("revealed-secret").single();
        assertThat(shown.getText()).isEqualTo("staging-value-1");

        test($(Button.class).withId("close-reveal").single()).click();

        assertThat(shown.getText()).isEmpty();
        assertThat($(Div.class).withId("revealed-secret").exists()).isFalse();
        assertThat(as("ui-auditor", Role.AUDITOR, () -> audit.find(AuditQuery.all().withActionPrefix("secret.read")
                .withTargetContaining("uireveal/api/staging/db"), PageRequest.of(0, 5)).getContent()))
                .singleElement().satisfies(entry -> assertThat(entry.actor()).isEqualTo("ui-engineer"));
    }

    @Test
    @WithGantryUser(username = "ui-prod-engineer", teamRoles = {"uiprod:ENGINEER"})
    void aProductionValueNeedsThePasswordAgainBeforeItIsShown() {
        String password = accountFor("ui-prod-engineer");
        stored("uiprod/api/prod/db", "production-value");
        openSecret("uiprod/");
        versionAction("reveal-1").click();

        test($(PasswordField.class).withId("reveal-proof").single()).setValue("not my password");
        test($(Button.class).withId("confirm-reveal").single()).click();
        assertThat($(Div.class).withId("revealed-secret").exists()).isFalse();
        assertThat($(Paragraph.class).withId("reveal-refused").single().getText()).contains("not accepted");

        test($(PasswordField.class).withId("reveal-proof").single()).setValue(password);
        test($(Button.class).withId("confirm-reveal").single()).click();

        assertThat($(Div.class).withId("revealed-secret").single().getText()).isEqualTo("production-value");
        assertThat(as("ui-auditor", Role.AUDITOR, () -> audit.find(AuditQuery.all()
                .withActionPrefix("secret.reveal.step-up").withTargetContaining("uiprod/api/prod/db"),
                PageRequest.of(0, 5)).getContent()))
                .extracting(e -> e.outcome()).containsExactlyInAnyOrder(AuditOutcome.FAILURE, AuditOutcome.SUCCESS);
    }

    @Test
    @WithGantryUser(username = "ui-mfa-engineer", teamRoles = {"uimfa:ENGINEER"})
    void aProductionValueNeedsAFreshCodeFromAnEnrolledAuthenticator() {
        accountFor("ui-mfa-engineer");
        byte[] secret = enrolled("ui-mfa-engineer");
        stored("uimfa/api/production/key", "mfa-guarded-value");
        openSecret("uimfa/");
        versionAction("reveal-1").click();

        TextField code = $(TextField.class).withId("reveal-proof").single();
        assertThat(code.getLabel()).contains("authenticator");
        test(code).setValue(Totp.code(secret, Totp.step(Instant.now()) + 1, Totp.DIGITS));
        test($(Button.class).withId("confirm-reveal").single()).click();

        assertThat($(Div.class).withId("revealed-secret").single().getText()).isEqualTo("mfa-guarded-value");
    }

    @Test
    @WithGantryUser(username = "ui-engineer", teamRoles = {"uidelete:ENGINEER"})
    void deletingAVersionAsksFirstAndUndeletingBringsItBack() {
        stored("uidelete/api/staging/db", "x");
        openSecret("uidelete/");

        versionAction("delete-1").click();
        test($(ConfirmDialog.class).single()).confirm();
        assertThat(stateOf("uidelete/api/staging/db")).isEqualTo(VersionState.DELETED);

        versionAction("undelete-1").click();
        test($(ConfirmDialog.class).last()).confirm();
        assertThat(stateOf("uidelete/api/staging/db")).isEqualTo(VersionState.ACTIVE);
        assertThat(hasVersionAction("destroy-1")).as("only a secrets administrator destroys")
                .isFalse();
    }

    @Test
    @WithGantryUser(username = "ui-engineer", teamRoles = {"uirollback:ENGINEER"})
    void rollingBackWritesTheEarlierValueAgainAsTheNewestVersion() {
        stored("uirollback/api/staging/db", "good");
        stored("uirollback/api/staging/db", "broken");
        openSecret("uirollback/");

        assertThat(hasVersionAction("rollback-2")).as("the current version is not rolled back to").isFalse();
        versionAction("rollback-1").click();
        test($(ConfirmDialog.class).single()).confirm();

        assertThat(as("ui-keeper", Role.SECRETS_ADMIN, () -> {
            var current = vault.read("uirollback/api/staging/db");
            return current.version() + ":" + new String(current.value().chars());
        })).isEqualTo("3:good");
    }

    @Test
    @WithGantryUser(username = "ui-keeper", roles = Role.SECRETS_ADMIN)
    void aSecretsAdministratorDestroysAVersionAfterConfirming() {
        stored("uidestroy/api/staging/db", "x");
        openSecret("uidestroy/");

        versionAction("destroy-1").click();
        ConfirmDialog confirm = $(ConfirmDialog.class).single();
        assertThat(test(confirm).getText()).contains("cannot be brought back");
        test(confirm).confirm();

        assertThat(stateOf("uidestroy/api/staging/db")).isEqualTo(VersionState.DESTROYED);
    }

    @Test
    @WithGantryUser(username = "ui-engineer", teamRoles = {"uicas:ENGINEER"})
    void aNewVersionOverAVersionSomeoneElseReplacedIsRefusedOnTheValue() {
        stored("uicas/api/staging/db", "one");
        openSecret("uicas/");
        test($(Button.class).withId("write-version").single()).click();
        assertThat($(Checkbox.class).withId("secret-cas").single().getValue()).isTrue();
        stored("uicas/api/staging/db", "written meanwhile");

        TextArea value = $(TextArea.class).withId("secret-value").single();
        test(value).setValue("mine");
        test($(Button.class).withId("save-secret").single()).click();

        assertThat(value.isInvalid()).isTrue();
        assertThat(value.getErrorMessage()).contains("Someone else wrote");
        assertThat(as("ui-keeper", Role.SECRETS_ADMIN, () -> new String(vault.read("uicas/api/staging/db")
                .value().chars()))).isEqualTo("written meanwhile");
    }

    @Test
    @WithGantryUser(username = "ui-viewer", teamRoles = {"uiviewer:VIEWER"})
    void aViewerBrowsesMetadataWithoutAnyWayToReadOrChange() {
        stored("uiviewer/api/staging/db", "x");
        openSecret("uiviewer/");

        assertThat($(Grid.class).withId("secret-versions").exists()).isTrue();
        assertThat(hasVersionAction("reveal-1")).isFalse();
        assertThat($(Button.class).withId("write-version").exists()).isFalse();
        assertThat(hasVersionAction("delete-1")).isFalse();
        assertThat($(Button.class).withId("new-secret").exists()).isFalse();
    }

    @Test
    @WithGantryUser(username = "ui-team-engineer", teamRoles = "uionlya:ENGINEER")
    void aTeamMemberSeesTheirTeamsSecretsAndNoOtherTeams() {
        stored("uionlya/api/staging/db", "x");
        stored("uionlyb/api/staging/db", "x");
        navigate("secrets", Component.class);

        test($(TextField.class).withId("secret-prefix").single()).setValue("uionly");

        Grid<?> grid = $(Grid.class).withId("secrets-grid").single();
        assertThat(test(grid).size()).isEqualTo(1);
        assertThat(test(grid).getCellText(0, 0)).isEqualTo("uionlya/api/staging/db");
    }

    @Test
    @WithGantryUser(username = "ui-global-engineer", roles = Role.ENGINEER)
    void aGlobalEngineerWithoutATeamOpensTheViewButSeesNoTeamsSecret() {
        stored("uinoteam/api/staging/db", "x");
        navigate("secrets", Component.class);

        test($(TextField.class).withId("secret-prefix").single()).setValue("uinoteam/");

        assertThat(test($(Grid.class).withId("secrets-grid").single()).size()).isZero();
        assertThat($(Button.class).withId("new-secret").exists()).as("no policy writes anywhere").isFalse();
    }

    @Test
    @WithGantryUser(username = "ui-engineer", teamRoles = "uisealed:ENGINEER")
    void aSealedVaultIsExplainedInsteadOfFailing() {
        as("ui-keeper", Role.SECRETS_ADMIN, () -> {
            seal.seal();
            return null;
        });
        try {
            navigate("secrets", Component.class);

            Div notice = $(Div.class).withId("vault-sealed").single();
            assertThat(notice.getElement().getTextRecursively()).contains("sealed").contains("secrets administrator");
        } finally {
            as("ui-keeper", Role.SECRETS_ADMIN, unsealing::unsealFromKeyFile);
        }
    }

    /** A button of the versions grid, where each row carries the actions on its version. */
    private Button versionAction(String id) {
        return versionActions().filter(b -> id.equals(b.getId().orElse(null))).findFirst()
                .orElseThrow(() -> new AssertionError("no version action " + id));
    }

    private boolean hasVersionAction(String id) {
        return versionActions().anyMatch(b -> id.equals(b.getId().orElse(null)));
    }

    @SuppressWarnings("unchecked")
    private java.util.stream.Stream<Button> versionActions() {
        Grid<SecretVersionInfo> versions = $(Grid.class).withId("secret-versions").single();
        var grid = test(versions);
        int actions = grid.getColumnPosition("actions");
        return java.util.stream.IntStream.range(0, grid.size()).boxed()
                .flatMap(row -> grid.getCellComponent(row, actions).getChildren())
                .filter(Button.class::isInstance).map(Button.class::cast);
    }

    private void openSecret(String prefix) {
        navigate("secrets", Component.class);
        test($(TextField.class).withId("secret-prefix").single()).setValue(prefix);
        test($(Grid.class).withId("secrets-grid").single()).select(0);
    }

    private VersionState stateOf(String path) {
        return as("ui-keeper", Role.SECRETS_ADMIN, () -> vault.metadata(path).versions().getFirst().state());
    }

    private void stored(String path, String value) {
        as("ui-writer", Role.SECRETS_ADMIN, () -> vault.write(path, SecretValue.of(value.toCharArray()), null));
    }

    /** A person account with this name; returns its (one-time) password. */
    private String accountFor(String username) {
        return as("ui-admin", Role.ADMIN, () -> users.create(new NewUser(username, username, null,
                AccountKind.PERSON)).oneTimePassword());
    }

    private byte[] enrolled(String username) {
        return as(username, Role.ENGINEER, () -> {
            byte[] secret = Totp.base32Decode(mfa.beginEnrolment(username).secretBase32());
            mfa.confirmEnrolment(username, Totp.codeAt(secret, Instant.now()));
            return secret;
        });
    }

    /** Runs {@code work} as someone else, then puts the test's own user back. */
    private static <T> T as(String username, Role role, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(GantryUserSecurityContextFactory.contextFor(username, List.of(role)));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
