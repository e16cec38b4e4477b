package dev.gantry.domain.policy.params;

import java.time.Period;
import java.util.Optional;

/** {@code monitoring.centralizedLogs}: logs from every environment go to one central store for {@code retention}. */
public record CentralizedLogs(Optional<Period> retention) implements RuleParameters {

    public CentralizedLogs {
        retention.ifPresent(p -> Checks.positive(p, "retention"));
    }

    @Override
    public String summary() {
        return "logs from every environment shipped to a central store"
                + retention.map(p -> ", kept for " + Wording.period(p)).orElse("");
    }
}
