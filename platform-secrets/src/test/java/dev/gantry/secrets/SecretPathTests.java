package dev.gantry.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.domain.InvalidInputException;
import org.junit.jupiter.api.Test;

class SecretPathTests {

    @Test
    void aPathNamesTeamServiceEnvironmentAndName() {
        SecretPath path = SecretPath.parse(" payments/checkout-api/prod/DB_password.v2 ");

        assertThat(path).isEqualTo(new SecretPath("payments", "checkout-api", "prod", "DB_password.v2"));
        assertThat(path.toString()).isEqualTo("payments/checkout-api/prod/DB_password.v2");
    }

    @Test
    void theErrorSaysWhichSegmentIsWrong() {
        assertThatThrownBy(() -> SecretPath.parse("payments/api/prod")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("four segments");
        assertThatThrownBy(() -> SecretPath.parse("Payments/api/prod/x")).hasMessageContaining("team");
        assertThatThrownBy(() -> SecretPath.parse("payments/api_/prod/x")).hasMessageContaining("service");
        assertThatThrownBy(() -> SecretPath.parse("payments/api/../x")).hasMessageContaining("environment");
        assertThatThrownBy(() -> SecretPath.parse("payments/api/prod/.hidden")).hasMessageContaining("name");
        assertThatThrownBy(() -> SecretPath.parse("payments/api/prod/" + "x".repeat(65))).hasMessageContaining("name");
    }
}
