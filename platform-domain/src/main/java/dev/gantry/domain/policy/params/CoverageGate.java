package dev.gantry.domain.policy.params;

/** {@code gate.coverage}: the test coverage, in percent, a build needs before it may deploy. */
public record CoverageGate(double min) implements RuleParameters {

    public CoverageGate {
        Checks.between(min, 0, 100, "min");
    }

    public boolean isMetBy(double coveragePercent) {
        return coveragePercent >= min;
    }

    @Override
    public String summary() {
        return "test coverage of at least " + Wording.percent(min);
    }
}
