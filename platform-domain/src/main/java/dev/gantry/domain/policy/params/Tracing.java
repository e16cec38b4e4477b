package dev.gantry.domain.policy.params;

/** {@code monitoring.tracing}: services propagate and export distributed traces. */
public record Tracing() implements RuleParameters {

    @Override
    public String summary() {
        return "services emit distributed traces";
    }
}
