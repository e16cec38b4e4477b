package dev.gantry.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.access.Authorities;
import dev.gantry.domain.Role;
import dev.gantry.secrets.internal.policy.PolicyCache;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;

/** Which policies a caller holds, from what the sign-in (or a vault token) put into its authentication. */
class SecretPermissionsTests {

    private static final PolicyCache.Snapshot GRANTS = new PolicyCache.Snapshot(1, Map.of(),
            Map.of("erin", List.of("personal")), Map.of("payments", List.of("payments-ci"), "billing",
                    List.of("billing-ci")));

    @Test
    void aTeamMemberHoldsTheTeamsBuiltInPoliciesAndWhatIsGrantedToTheTeamInTheAuthorityFormatOfAccess() {
        Authentication erin = person("erin", Authorities.SIGNED_IN, Authorities.teamRole("payments", Role.ENGINEER));

        assertThat(SecretPermissions.policyNames(erin, GRANTS)).containsExactlyInAnyOrder(
                "builtin:team-viewer:payments", "builtin:team-engineer:payments", "payments-ci", "personal");
    }

    @Test
    void aViewerOfATeamHoldsOnlyItsListingPolicyAndTheTeamsGrants() {
        Authentication victor = person("victor", Authorities.SIGNED_IN, Authorities.teamRole("payments", Role.VIEWER));

        assertThat(SecretPermissions.policyNames(victor, GRANTS))
                .containsExactlyInAnyOrder("builtin:team-viewer:payments", "payments-ci");
    }

    @Test
    void aGlobalEngineerOrAdminRoleOpensNoSecretsButGlobalSecretsAdminOpensAll() {
        assertThat(SecretPermissions.policyNames(person("gus", Authorities.SIGNED_IN, Role.ENGINEER.authority(),
                Role.ADMIN.authority()), GRANTS)).isEmpty();
        assertThat(SecretPermissions.policyNames(person("keeper", Role.SECRETS_ADMIN.authority()), GRANTS))
                .containsExactly("builtin:secrets-admin");
    }

    @Test
    void personalGrantsNeedACompletedSignInAndASignInInProgressHoldsNothing() {
        assertThat(SecretPermissions.policyNames(person("erin"), GRANTS)).isEmpty();
        assertThat(SecretPermissions.policyNames(person("erin", "SIGN_IN_PENDING",
                Authorities.teamRole("payments", Role.ENGINEER)), GRANTS)).isEmpty();
        assertThat(SecretPermissions.policyNames(person("erin", Authorities.SIGNED_IN), GRANTS))
                .containsExactly("personal");
    }

    @Test
    void aVaultTokenHoldsExactlyItsOwnPoliciesAndIsNeverAnAdministrator() {
        VaultTokenAuthentication token = new VaultTokenAuthentication(new VaultTokenPrincipal(UUID.randomUUID(),
                "erin", "ci", Set.of("payments-ci"), Instant.parse("2026-12-01T00:00:00Z")));

        assertThat(SecretPermissions.policyNames(token, GRANTS)).containsExactly("payments-ci");
        assertThat(SecretPermissions.isAdministrator(token)).isFalse();
        assertThat(token.getAuthorities()).extracting(a -> a.getAuthority()).containsExactly("VAULT_TOKEN");
        assertThat(token.getName()).isEqualTo("vault-token:" + token.tokenId());
    }

    @Test
    void onlyAPersonWithGlobalSecretsAdminOrAdminIsAnAdministrator() {
        assertThat(SecretPermissions.isAdministrator(person("keeper", Role.SECRETS_ADMIN.authority()))).isTrue();
        assertThat(SecretPermissions.isAdministrator(person("ada", Role.ADMIN.authority()))).isTrue();
        assertThat(SecretPermissions.isAdministrator(person("erin",
                Authorities.teamRole("payments", Role.SECRETS_ADMIN)))).isFalse();
        assertThat(SecretPermissions.isAdministrator(person("ada", "SIGN_IN_PENDING", Role.ADMIN.authority())))
                .isFalse();
    }

    private static Authentication person(String name, String... authorities) {
        return new TestingAuthenticationToken(name, "n/a", authorities);
    }
}
