package dev.gantry.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.gantry.domain.Environment;
import dev.gantry.domain.policy.params.CoverageGate;
import dev.gantry.domain.policy.params.RequiredTests;
import dev.gantry.domain.policy.params.RequiredTests.TestKind;
import dev.gantry.domain.policy.params.SecretRotation;
import dev.gantry.domain.policy.params.VaultRequired;
import dev.gantry.domain.policy.params.ZeroDowntime;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyPackTests {

    private static final PolicyRule UNIT_TESTS = new PolicyRule("unit-tests", RuleKind.TESTS, "Unit tests pass.",
            new RequiredTests(Set.of(TestKind.UNIT), Set.of()));
    private static final PolicyRule ROTATION = new PolicyRule("rotation", RuleKind.SECRET_ROTATION, "Rotate.",
            new SecretRotation(Period.ofDays(90)));
    private static final PolicyRule ZERO_DOWNTIME = new PolicyRule("zero-downtime", RuleKind.ZERO_DOWNTIME,
            "Never down.", new ZeroDowntime());
    private static final PolicyRule PROD_TESTS = new PolicyRule("prod-tests", RuleKind.TESTS, "Smoke in prod.",
            new RequiredTests(Set.of(TestKind.SMOKE), Set.of(Environment.PRODUCTION)));
    private static final PolicyRule VAULT = new PolicyRule("vault", RuleKind.VAULT, "Vault.", new VaultRequired());

    private static PolicyPack pack(List<PolicyRule> rules) {
        return new PolicyPack("test", "Test", "Test Ltd", "2.1.0-rc.1+build.7", "For tests.", "test.yaml", rules);
    }

    @Test
    void byAreaGroupsRulesInAreaOrderKeepingPackOrderWithinAnArea() {
        PolicyPack pack = pack(List.of(UNIT_TESTS, ROTATION, ZERO_DOWNTIME, PROD_TESTS, VAULT));

        Map<PolicyArea, List<PolicyRule>> byArea = pack.byArea();

        assertThat(byArea.keySet()).containsExactly(PolicyArea.DEPLOYMENT, PolicyArea.QUALITY_GATES,
                PolicyArea.SECRETS);
        assertThat(byArea.get(PolicyArea.QUALITY_GATES)).containsExactly(UNIT_TESTS, PROD_TESTS);
        assertThat(byArea.get(PolicyArea.SECRETS)).containsExactly(ROTATION, VAULT);
        assertThat(pack(List.of(VAULT, PROD_TESTS, ZERO_DOWNTIME, ROTATION, UNIT_TESTS)).byArea().keySet())
                .as("the order does not depend on the order rules were written in")
                .containsExactlyElementsOf(byArea.keySet());
    }

    @Test
    void rulesOfAKindAndParametersOfATypeComeBackInPackOrder() {
        PolicyPack pack = pack(List.of(UNIT_TESTS, ROTATION, PROD_TESTS));

        assertThat(pack.rules(RuleKind.TESTS)).containsExactly(UNIT_TESTS, PROD_TESTS);
        assertThat(pack.first(RequiredTests.class)).contains((RequiredTests) UNIT_TESTS.parameters());
        assertThat(pack.all(RequiredTests.class)).hasSize(2);
        assertThat(pack.first(CoverageGate.class)).isEmpty();
        assertThat(pack.rule("rotation")).contains(ROTATION);
    }

    @Test
    void evidenceNamesThePackVersionAndRule() {
        PolicyPack pack = pack(List.of(ROTATION));

        RuleReference reference = pack.reference(ROTATION);

        assertThat(reference).isEqualTo(new RuleReference("test", "2.1.0-rc.1+build.7", "rotation"));
        assertThat(reference).hasToString("test@2.1.0-rc.1+build.7#rotation");
        assertThatIllegalArgumentException().isThrownBy(() -> pack.reference(VAULT));
    }

    @Test
    void aPackBuiltInCodeHoldsTheSameInvariantsAsALoadedOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> pack(List.of(VAULT, VAULT)))
                .withMessageContaining("two rules with id vault");
        assertThatIllegalArgumentException().isThrownBy(
                        () -> new PolicyPack("test", "Test", "Test Ltd", "1.0", "x", "test.yaml", List.of()))
                .withMessageContaining("not a semantic version");
        assertThatIllegalArgumentException().isThrownBy(
                        () -> new PolicyRule("vault", RuleKind.COVERAGE, "Mismatch.", new VaultRequired()))
                .withMessageContaining("needs CoverageGate parameters");
        assertThatIllegalArgumentException().isThrownBy(() -> new CoverageGate(100.5))
                .withMessage("min: must be between 0 and 100, was 100.5");
    }

    @Test
    void everyKindBelongsToAnAreaAndIsFoundByItsYamlName() {
        for (RuleKind kind : RuleKind.values()) {
            assertThat(RuleKind.fromYamlName(kind.yamlName())).contains(kind);
        }
        assertThat(RuleKind.fromYamlName("deploy.Strategy")).isEmpty();
        assertThat(RuleKind.yamlNames()).isSorted().hasSize(RuleKind.values().length);
    }
}
