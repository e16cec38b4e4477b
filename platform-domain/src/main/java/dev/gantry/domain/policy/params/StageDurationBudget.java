package dev.gantry.domain.policy.params;

import java.time.Duration;

/** {@code pipeline.stageDuration}: each pipeline stage should finish within {@code max}, for quick feedback. */
public record StageDurationBudget(Duration max) implements RuleParameters {

    public StageDurationBudget {
        Checks.positive(max, "max");
    }

    public boolean isExceededBy(Duration stageDuration) {
        return stageDuration.compareTo(max) > 0;
    }

    @Override
    public String summary() {
        return "each pipeline stage finishes within " + Wording.duration(max);
    }
}
