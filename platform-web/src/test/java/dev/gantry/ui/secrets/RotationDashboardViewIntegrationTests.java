package dev.gantry.ui.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import dev.gantry.secrets.RotationInterval;
import dev.gantry.secrets.RotationPolicy;
import dev.gantry.secrets.RotationStatus;
import dev.gantry.secrets.RotatorParameters;
import dev.gantry.secrets.SecretRotation;
import dev.gantry.secrets.SecretValue;
import dev.gantry.secrets.SecretVault;
import dev.gantry.testing.WithGantryUser;
import dev.gantry.ui.PortalTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The rotation dashboard shows, per list, only what the caller's policies let them list. */
class RotationDashboardViewIntegrationTests extends PortalTestSupport {

    @Autowired SecretVault vault;
    @Autowired SecretRotation rotation;
    @Autowired JdbcTemplate jdbc;

    @Test
    @WithGantryUser(username = "ui-dash", teamRoles = "uidasha:ENGINEER")
    void aSecretExpiringSoonIsListedWithItsCountAndALinkToIt() {
        stored("uidasha/api/prod/vendor-key");
        stored("uidashb/api/prod/vendor-key");
        Instant soon = Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        SecretsAs.keeper(() -> {
            rotation.setExpiry("uidasha/api/prod/vendor-key", soon);
            rotation.setExpiry("uidashb/api/prod/vendor-key", soon);
            return null;
        });

        navigate("secrets/rotation", Component.class);

        @SuppressWarnings("unchecked")
        Grid<RotationStatus> expiring = $(Grid.class).withId("rotation-expiring").single();
        assertThat(test(expiring).size()).as("the other team's secret is not listed").isEqualTo(
                Integer.parseInt($(Span.class).withId("count-expiring").single().getText()));
        assertThat(java.util.stream.IntStream.range(0, test(expiring).size())
                .mapToObj(row -> ((Anchor) test(expiring).getCellComponent(row, "path")).getText()))
                .contains("uidasha/api/prod/vendor-key").doesNotContain("uidashb/api/prod/vendor-key");
        Anchor link = java.util.stream.IntStream.range(0, test(expiring).size())
                .mapToObj(row -> (Anchor) test(expiring).getCellComponent(row, "path"))
                .filter(a -> a.getText().equals("uidasha/api/prod/vendor-key")).findFirst().orElseThrow();
        assertThat(link.getHref()).isEqualTo("secrets?path=uidasha%2Fapi%2Fprod%2Fvendor-key");
    }

    @Test
    @WithGantryUser(username = "ui-dash-rotator", teamRoles = "uidashrot:ENGINEER")
    void aDueSecretIsRotatedFromTheDashboardAndLeavesTheDueList() {
        stored("uidashrot/api/staging/db");
        SecretsAs.keeper(() -> rotation.setPolicy(RotationPolicy.forSecret(
                "uidashrot/api/staging/db", "password", RotatorParameters.none())
                .withInterval(new RotationInterval("PT1H"))));
        // Due: its current version became current more than the interval ago.
        SecretsAs.keeper(() -> jdbcAged("uidashrot/api/staging/db"));
        navigate("secrets/rotation", Component.class);
        Button rotate = buttonInGrid("rotation-due", "actions", "rotate-due-uidashrot-api-staging-db");

        test(rotate).click();

        assertThat(SecretsAs.keeper(() -> vault.read("uidashrot/api/staging/db").version())).isEqualTo(2L);
        assertThat(gridHasButton("rotation-due", "actions", "rotate-due-uidashrot-api-staging-db")).isFalse();
    }

    private Object jdbcAged(String path) {
        jdbc.update("update secret_version set current_since = ? where secret_id = "
                + "(select id from secret_metadata where path = ?)",
                java.sql.Timestamp.from(Instant.now().minus(2, ChronoUnit.DAYS)), path);
        return null;
    }

    private void stored(String path) {
        SecretsAs.keeper(() -> vault.write(path, SecretValue.of("value-of-some-length".toCharArray()), null));
    }
}
