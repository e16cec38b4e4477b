package dev.gantry.domain.policy.params;

import dev.gantry.domain.Environment;
import java.util.Set;

/** {@code deploy.verification}: a deploy counts as done, and takes full traffic, only once these checks pass. */
public record DeploymentVerification(Set<Check> checks, Set<Environment> environments) implements RuleParameters {

    public enum Check {
        HEALTH_CHECKS("automated health checks"),
        SMOKE_TESTS("smoke tests");

        private final String wording;

        Check(String wording) {
            this.wording = wording;
        }
    }

    public DeploymentVerification {
        checks = Checks.enums(Check.class, checks, "checks", true);
        environments = Checks.enums(Environment.class, environments, "environments", true);
    }

    @Override
    public String summary() {
        return "a deploy to " + Wording.alternatives(environments, Wording::environment) + " completes only after "
                + Wording.list(checks, c -> c.wording) + " pass";
    }
}
