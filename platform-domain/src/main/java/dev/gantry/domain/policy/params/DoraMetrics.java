package dev.gantry.domain.policy.params;

/** {@code metrics.dora}: Gantry tracks the four DORA delivery metrics from deploys and incidents. */
public record DoraMetrics() implements RuleParameters {

    @Override
    public String summary() {
        return "deployment frequency, lead time for changes, change failure rate and time to restore are tracked";
    }
}
