package dev.gantry.domain.policy.params;

/** {@code pipeline.failFast}: a pipeline stops at its first failing step instead of running the rest. */
public record FailFast() implements RuleParameters {

    @Override
    public String summary() {
        return "a pipeline stops at its first failing step";
    }
}
