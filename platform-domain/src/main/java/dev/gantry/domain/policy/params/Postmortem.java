package dev.gantry.domain.policy.params;

import dev.gantry.domain.Severity;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** {@code incidents.postmortem}: incidents of these severities get a blameless postmortem, optionally by a deadline. */
public record Postmortem(Set<Severity> severities, Optional<Duration> within) implements RuleParameters {

    public Postmortem {
        severities = Checks.enums(Severity.class, severities, "severities", true);
        Checks.positiveIfPresent(within, "within");
    }

    @Override
    public String summary() {
        String which = severities.size() == Severity.values().length ? "every incident gets"
                : Wording.severities(severities) + " incidents get";
        return which + " a blameless postmortem"
                + within.map(d -> " within " + Wording.duration(d) + " of resolution").orElse("");
    }
}
