package dev.gantry.domain.policy.params;

import dev.gantry.domain.Severity;
import java.time.Period;
import java.util.Optional;
import java.util.Set;

/** {@code incidents.runbookRequired}: alerts of these severities need a written runbook, reviewed on a cadence. */
public record RunbookRequired(Set<Severity> severities, Optional<Period> reviewEvery) implements RuleParameters {

    public RunbookRequired {
        severities = Checks.enums(Severity.class, severities, "severities", true);
        reviewEvery.ifPresent(p -> Checks.positive(p, "reviewEvery"));
    }

    @Override
    public String summary() {
        return "every " + Wording.alternatives(severities, Enum::name) + " alert has a runbook"
                + reviewEvery.map(p -> ", reviewed and tested " + Wording.every(p)).orElse("");
    }
}
