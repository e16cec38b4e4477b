package dev.gantry.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ApiScopeTests {

    @Test
    void everyScopeParsesFromItsWireName() {
        for (ApiScope scope : ApiScope.values()) {
            assertThat(ApiScope.parse(scope.wireName())).isEqualTo(scope);
        }
        assertThat(ApiScope.parse(" audit:verify ")).isEqualTo(ApiScope.AUDIT_VERIFY);
    }

    @Test
    void wireNamesAreTheOnesClientsAreToldAbout() {
        assertThat(Arrays.stream(ApiScope.values()).map(ApiScope::wireName)).containsExactly(
                "audit:read", "audit:verify", "catalog:read", "catalog:write", "users:read", "users:write",
                "teams:write", "policy:read", "recovery:read", "recovery:write", "tokens:write", "metrics:read", "secrets:read", "secrets:write",
                "secrets:seal");
    }

    @Test
    void anUnknownScopeIsRefusedWithTheListOfKnownOnes() {
        assertThatThrownBy(() -> ApiScope.parse("pipelines:run"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown API scope 'pipelines:run'")
                .hasMessageContaining("catalog:read, catalog:write");
        assertThatThrownBy(() -> ApiScope.parse("CATALOG_READ")).isInstanceOf(IllegalArgumentException.class);
    }
}
