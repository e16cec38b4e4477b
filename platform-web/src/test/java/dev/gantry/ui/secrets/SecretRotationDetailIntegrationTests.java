package dev.gantry.ui.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.gantry.domain.Role;
import dev.gantry.secrets.RotationPolicy;
import dev.gantry.secrets.RotatorParameters;
import dev.gantry.secrets.SecretRotation;
import dev.gantry.secrets.SecretValue;
import dev.gantry.secrets.SecretVault;
import dev.gantry.testing.GantryUserSecurityContextFactory;
import dev.gantry.testing.WithGantryUser;
import dev.gantry.ui.PortalTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** A secret's staging labels, rotation and history in the Secrets view, on the application's real vault. */
class SecretRotationDetailIntegrationTests extends PortalTestSupport {

    @Autowired SecretVault vault;
    @Autowired SecretRotation rotation;

    @Test
    @WithGantryUser(username = "ui-rotator", teamRoles = "uirotnow:ENGINEER")
    void rotatingNowMakesANewCurrentVersionAndKeepsTheOldOneAsPrevious() {
        stored("uirotnow/api/staging/db", "first");
        asKeeper(() -> rotation.setPolicy(RotationPolicy.forSecret("uirotnow/api/staging/db", "password",
                RotatorParameters.of("length", "24"))));
        openSecret("uirotnow/");

        test($(Button.class).withId("rotate-now").single()).click();

        assertThat(asKeeper(() -> vault.read("uirotnow/api/staging/db").version())).isEqualTo(2L);
        assertThat(labelOf(2)).isEqualTo("CURRENT");
        assertThat(labelOf(1)).isEqualTo("PREVIOUS");
        assertThat($(Div.class).withId("rotation-timeline").single().getElement().getTextRecursively())
                .contains("Rotated to v2 (now CURRENT)").contains("Version v1 written");
    }

    @Test
    @WithGantryUser(username = "ui-team-viewer", teamRoles = "uirotview:VIEWER")
    void aTeamViewerSeesTheRotationButCannotRotateOrConfigureIt() {
        stored("uirotview/api/staging/db", "first");
        asKeeper(() -> rotation.setPolicy(RotationPolicy.forSecret("uirotview/api/staging/db", "password",
                RotatorParameters.none())));
        openSecret("uirotview/");

        assertThat($(VerticalLayout.class).withId("secret-rotation").single().getElement().getTextRecursively())
                .contains("rotator password");
        assertThat($(Button.class).withId("rotate-now").exists()).isFalse();
        assertThat($(Button.class).withId("edit-rotation-policy").exists()).isFalse();
    }

    @Test
    @WithGantryUser(username = "ui-expiry", teamRoles = "uiexpiry:ENGINEER")
    void aSecretGantryCannotRotateGetsItsExpiryFromTheEditor() {
        stored("uiexpiry/api/prod/vendor-key", "from-the-vendor");
        openSecret("uiexpiry/");
        LocalDateTime when = LocalDateTime.now(ZoneOffset.UTC).plusDays(20).truncatedTo(ChronoUnit.MINUTES);

        test($(Button.class).withId("edit-expiry").single()).click();
        test($(DateTimePicker.class).withId("expiry-at").single()).setValue(when);
        test($(Button.class).withId("save-expiry").single()).click();

        assertThat(asKeeper(() -> rotation.status("uiexpiry/api/prod/vendor-key").expiresAt()))
                .isEqualTo(when.toInstant(ZoneOffset.UTC));
        assertThat($(VerticalLayout.class).withId("secret-rotation").single().getElement().getTextRecursively())
                .contains("expires");
    }

    @Test
    @WithGantryUser(username = "ui-keeper", roles = Role.SECRETS_ADMIN)
    void aRotationPolicyWithAnUnknownParameterIsRefusedOnTheParametersField() {
        stored("uipolicybad/api/staging/db", "x");
        openSecret("uipolicybad/");

        test($(Button.class).withId("edit-rotation-policy").single()).click();
        test($(TextArea.class).withId("policy-parameters").single()).setValue("colour=blue");
        test($(Button.class).withId("save-rotation-policy").single()).click();

        TextArea parameters = $(TextArea.class).withId("policy-parameters").single();
        assertThat(parameters.isInvalid()).isTrue();
        assertThat(parameters.getErrorMessage()).contains("unknown parameter");
        assertThat(asKeeper(() -> rotation.policyFor("uipolicybad/api/staging/db"))).isEmpty();
    }

    @Test
    @WithGantryUser(username = "ui-keeper", roles = Role.SECRETS_ADMIN)
    void aSecretsAdministratorGivesASecretAPasswordRotationPolicy() {
        stored("uipolicyok/api/staging/db", "x");
        openSecret("uipolicyok/");

        test($(Button.class).withId("edit-rotation-policy").single()).click();
        test($(ComboBox.class).withId("policy-rotator").single()).selectItem("password");
        test($(TextField.class).withId("policy-interval").single()).setValue("P30D");
        test($(TextArea.class).withId("policy-parameters").single()).setValue("length=40");
        test($(Button.class).withId("save-rotation-policy").single()).click();

        RotationPolicy saved = asKeeper(() -> rotation.policyFor("uipolicyok/api/staging/db")).orElseThrow();
        assertThat(saved.rotator()).isEqualTo("password");
        assertThat(saved.interval()).hasToString("P30D");
        assertThat(saved.parameters().values()).containsEntry("length", "40");
        assertThat($(Button.class).withId("rotate-now").exists()).as("the panel offers rotation at once").isTrue();
    }

    @SuppressWarnings("unchecked")
    private String labelOf(long version) {
        Grid<Object> versions = $(Grid.class).withId("secret-versions").single();
        var grid = test(versions);
        int label = grid.getColumnPosition("label");
        for (int row = 0; row < grid.size(); row++) {
            if (grid.getCellText(row, 0).equals(Long.toString(version))) {
                return grid.getCellComponent(row, label).getElement().getText();
            }
        }
        throw new AssertionError("no version " + version);
    }

    private void openSecret(String prefix) {
        navigate("secrets", Component.class);
        test($(TextField.class).withId("secret-prefix").single()).setValue(prefix);
        test($(Grid.class).withId("secrets-grid").single()).select(0);
    }

    private void stored(String path, String value) {
        asKeeper(() -> vault.write(path, SecretValue.of(value.toCharArray()), null));
    }

    private static <T> T asKeeper(Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(GantryUserSecurityContextFactory.contextFor("ui-keeper",
                List.of(Role.SECRETS_ADMIN)));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
