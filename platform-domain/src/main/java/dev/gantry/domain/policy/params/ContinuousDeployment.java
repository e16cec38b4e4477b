package dev.gantry.domain.policy.params;

import dev.gantry.domain.Environment;

/** {@code deploy.continuous}: every change merged to {@code branch} deploys to {@code environment} by itself. */
public record ContinuousDeployment(String branch, Environment environment) implements RuleParameters {

    public ContinuousDeployment {
        branch = Checks.token(branch, "branch");
    }

    @Override
    public String summary() {
        return "every merge to " + branch + " deploys to " + Wording.environment(environment) + " automatically";
    }
}
