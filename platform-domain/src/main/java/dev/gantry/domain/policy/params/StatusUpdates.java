package dev.gantry.domain.policy.params;

import dev.gantry.domain.Severity;
import java.time.Duration;
import java.util.Set;

/** {@code incidents.statusUpdates}: while an incident of these severities is open, people hear news {@code every}. */
public record StatusUpdates(Set<Severity> severities, Duration every) implements RuleParameters {

    public StatusUpdates {
        severities = Checks.enums(Severity.class, severities, "severities", true);
        Checks.positive(every, "every");
    }

    @Override
    public String summary() {
        return "open " + Wording.severities(severities) + " incidents get a status update " + Wording.every(every);
    }
}
