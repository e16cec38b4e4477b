package dev.gantry.secrets.internal.policy;

import static dev.gantry.secrets.SecretCapability.ADMIN;
import static dev.gantry.secrets.SecretCapability.DELETE;
import static dev.gantry.secrets.SecretCapability.DENY;
import static dev.gantry.secrets.SecretCapability.LIST;
import static dev.gantry.secrets.SecretCapability.READ;
import static dev.gantry.secrets.SecretCapability.ROLLBACK;
import static dev.gantry.secrets.SecretCapability.WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.secrets.SecretCapability;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessTests {

    private static final String PROD_DB = "payments/api/prod/db-password";

    @Test
    void withoutAnyMatchingRuleNothingIsAllowed() {
        Access none = Access.evaluate(List.of(), PROD_DB);
        Access elsewhere = Access.evaluate(List.of(policy("billing", "billing/** read,list")), PROD_DB);

        for (SecretCapability capability : SecretCapability.values()) {
            assertThat(none.allows(capability)).as(capability.name()).isFalse();
            assertThat(elsewhere.allows(capability)).as(capability.name()).isFalse();
        }
        assertThat(none.effective()).isEmpty();
    }

    @Test
    void anExplicitDenyWinsOverAGrantInTheSamePolicyAndInAnyOther() {
        CompiledPolicy team = policy("team", "payments/** read,write,list");
        CompiledPolicy noProd = policy("no-prod", "*/*/prod/** deny");

        Access prod = Access.evaluate(List.of(team, noProd), PROD_DB);
        Access dev = Access.evaluate(List.of(team, noProd), "payments/api/dev/db-password");
        Access sameOrderReversed = Access.evaluate(List.of(noProd, team), PROD_DB);
        Access withinOnePolicy = Access.evaluate(List.of(policy("mixed",
                "payments/** read", "payments/api/prod/db-password deny")), PROD_DB);

        assertThat(prod.allows(READ)).isFalse();
        assertThat(prod.deniedBy()).isEqualTo("no-prod");
        assertThat(sameOrderReversed.allows(READ)).isFalse();
        assertThat(withinOnePolicy.allows(READ)).isFalse();
        assertThat(dev.allows(READ)).isTrue();
    }

    @Test
    void theMostSpecificRuleDoesNotBeatABroaderDeny() {
        CompiledPolicy exact = policy("exact", PROD_DB + " read");
        CompiledPolicy everything = policy("lockdown", "** deny");

        assertThat(Access.evaluate(List.of(exact, everything), PROD_DB).allows(READ)).isFalse();
    }

    @Test
    void anAdminGrantIncludesAdminDestructiveCapabilitiesButNotAfterADeny() {
        Access admin = Access.evaluate(List.of(policy("keeper", "** admin")), PROD_DB);
        Access deniedAdmin = Access.evaluate(List.of(policy("keeper", "** admin"),
                policy("freeze", "payments/** deny")), PROD_DB);

        assertThat(admin.allows(READ)).isTrue();
        assertThat(admin.allows(ADMIN)).isTrue();
        assertThat(admin.allows(DENY)).isFalse();
        assertThat(admin.effective()).doesNotContain(DENY).contains(READ, WRITE, LIST, DELETE, ROLLBACK, ADMIN);
        assertThat(deniedAdmin.allows(READ)).isFalse();
        assertThat(deniedAdmin.effective()).isEmpty();
    }

    @Test
    void grantsOfSeveralMatchingRulesAndPoliciesAddUp() {
        Access access = Access.evaluate(List.of(policy("readers", "payments/** read"),
                policy("writers", "*/*/prod/* write", "payments/api/** list")), PROD_DB);

        assertThat(access.effective()).containsExactlyInAnyOrder(READ, WRITE, LIST);
        assertThat(access.allows(DELETE)).isFalse();
    }

    @Test
    void rollbackNeedsNoRead() {
        Access access = Access.evaluate(List.of(policy("on-call", "payments/** rollback")), PROD_DB);

        assertThat(access.allows(ROLLBACK)).isTrue();
        assertThat(access.allows(READ)).isFalse();
    }

    @Test
    void storedRulesReadBackAsTheSameCanonicalText() {
        String text = "payments/** list,read\n*/*/prod/** deny";
        List<CompiledRule> rules = RulesText.parse(text);

        assertThat(RulesText.format(rules)).isEqualTo("payments/** read,list\n*/*/prod/** deny");
        assertThat(rules.get(0).capabilities()).isEqualTo(Set.of(READ, LIST));
    }

    @Test
    void aStoredPolicyThatNoLongerCompilesDeniesEverything() {
        CompiledPolicy broken = CompiledPolicy.denyingEverything("broken");

        assertThat(Access.evaluate(List.of(policy("team", "payments/** admin"), broken), PROD_DB).allows(READ))
                .isFalse();
    }

    @Test
    void builtInTeamPoliciesCoverTheirTeamOnly() {
        List<CompiledPolicy> engineer = new ArrayList<>();
        BuiltinPolicies.forTeamRole("payments", "ENGINEER")
                .forEach(name -> engineer.add(BuiltinPolicies.find(name).orElseThrow()));

        Access own = Access.evaluate(engineer, PROD_DB);
        Access other = Access.evaluate(engineer, "billing/api/prod/db-password");

        assertThat(own.effective()).contains(READ, WRITE, LIST, DELETE, ROLLBACK).doesNotContain(ADMIN);
        assertThat(other.effective()).isEmpty();
        assertThat(BuiltinPolicies.find("builtin:team-engineer:pay*")).isEmpty();
        assertThat(BuiltinPolicies.find("builtin:team-engineer:a/b")).isEmpty();
        assertThat(BuiltinPolicies.find("builtin:nonsense")).isEmpty();
    }

    private static CompiledPolicy policy(String name, String... rules) {
        return new CompiledPolicy(name, RulesText.parse(String.join("\n", rules)));
    }
}
