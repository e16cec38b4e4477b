package dev.gantry.domain.policy.params;

import dev.gantry.domain.Environment;
import java.util.Set;

/** {@code deploy.preDeploymentBackup}: a backup or snapshot is taken before a deploy to these environments starts. */
public record PreDeploymentBackup(Set<Environment> environments) implements RuleParameters {

    public PreDeploymentBackup {
        environments = Checks.enums(Environment.class, environments, "environments", true);
    }

    @Override
    public String summary() {
        return "a backup is taken before " + Wording.deploysTo(environments);
    }
}
