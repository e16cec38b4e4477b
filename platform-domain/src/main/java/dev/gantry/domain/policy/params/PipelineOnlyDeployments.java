package dev.gantry.domain.policy.params;

import dev.gantry.domain.Environment;
import java.util.Set;

/** {@code deploy.pipelineOnly}: code reaches these environments through the pipeline and no other way. */
public record PipelineOnlyDeployments(Set<Environment> environments) implements RuleParameters {

    public PipelineOnlyDeployments {
        environments = Checks.enums(Environment.class, environments, "environments", true);
    }

    @Override
    public String summary() {
        return "code reaches " + Wording.environments(environments) + " only through the pipeline";
    }
}
