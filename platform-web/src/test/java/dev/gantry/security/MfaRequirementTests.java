package dev.gantry.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.gantry.access.SignedInUser;
import dev.gantry.domain.Role;
import dev.gantry.domain.policy.PolicyPack;
import dev.gantry.domain.policy.PolicyPackLoader;
import org.junit.jupiter.api.Test;

/** Administrators always need a second factor; everyone else when the active pack's access.mfa rule says so. */
class MfaRequirementTests {

    private static PolicyPack pack(String mfaParams) {
        String rules = mfaParams == null ? """
                rules:
                  - id: coverage
                    kind: gate.coverage
                    description: enough tests
                    params: {min: 80}
                """ : """
                rules:
                  - id: mfa
                    kind: access.mfa
                    description: a second factor at sign-in
                    params: %s
                """.formatted(mfaParams);
        return new PolicyPackLoader().load("test.yaml", new StringReader("""
                pack: test
                name: Test pack
                organisation: Test
                version: 1.0.0
                description: for a test
                """ + rules));
    }

    private static SignedInUser user(Set<Role> global, Map<String, Set<Role>> team) {
        return new SignedInUser(UUID.randomUUID(), "someone", "Someone", 0, global, team, false);
    }

    @Test
    void anAdministratorNeedsASecondFactorWhateverThePackSays() {
        assertThat(new MfaRequirement(null, pack(null)).isRequired(user(Set.of(Role.ADMIN), Map.of()))).isTrue();
    }

    @Test
    void withoutARuleOthersMayChoose() {
        assertThat(new MfaRequirement(null, pack(null)).isRequired(user(Set.of(Role.ENGINEER), Map.of()))).isFalse();
    }

    @Test
    void aRuleForEveryoneCoversSomeoneWithNoRoleAtAll() {
        assertThat(new MfaRequirement(null, pack("{everyone: true}")).isRequired(user(Set.of(), Map.of()))).isTrue();
    }

    @Test
    void aRuleNamingRolesCoversThoseRolesAlsoWhenHeldWithinATeam() {
        MfaRequirement requirement = new MfaRequirement(null, pack("{requiredFor: [RELEASE_MANAGER]}"));

        assertThat(requirement.isRequired(user(Set.of(), Map.of("payments", Set.of(Role.RELEASE_MANAGER))))).isTrue();
        assertThat(requirement.isRequired(user(Set.of(Role.VIEWER), Map.of()))).isFalse();
    }
}
