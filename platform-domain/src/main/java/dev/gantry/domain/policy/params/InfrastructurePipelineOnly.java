package dev.gantry.domain.policy.params;

import dev.gantry.domain.Environment;
import java.util.Set;

/** {@code infra.pipelineOnly}: infrastructure changes are applied by the pipeline, never from a laptop. */
public record InfrastructurePipelineOnly(Set<Environment> environments) implements RuleParameters {

    public InfrastructurePipelineOnly {
        environments = Checks.enums(Environment.class, environments, "environments", true);
    }

    @Override
    public String summary() {
        return "infrastructure in " + Wording.environments(environments) + " changes only through the pipeline";
    }
}
