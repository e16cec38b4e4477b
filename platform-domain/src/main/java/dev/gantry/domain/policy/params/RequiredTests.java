package dev.gantry.domain.policy.params;

import dev.gantry.domain.Environment;
import java.util.Set;

/** {@code gate.tests}: the kinds of automated test that must pass before deploying; no environments means all. */
public record RequiredTests(Set<TestKind> kinds, Set<Environment> environments) implements RuleParameters {

    public enum TestKind {
        LINT("lint checks"),
        UNIT("unit tests"),
        INTEGRATION("integration tests"),
        SECURITY("security tests"),
        SMOKE("smoke tests"),
        PERFORMANCE("performance tests");

        private final String wording;

        TestKind(String wording) {
            this.wording = wording;
        }
    }

    public RequiredTests {
        kinds = Checks.enums(TestKind.class, kinds, "kinds", true);
        environments = Checks.enums(Environment.class, environments, "environments", false);
    }

    public boolean appliesTo(Environment environment) {
        return environments.isEmpty() || environments.contains(environment);
    }

    @Override
    public String summary() {
        return Wording.list(kinds, k -> k.wording) + " pass before " + Wording.deploysTo(environments);
    }
}
