package dev.gantry.domain.policy.params;

/** {@code data.encryption}: where data must be encrypted; a rule that requires neither would say nothing. */
public record Encryption(boolean atRest, boolean inTransit) implements RuleParameters {

    public Encryption {
        if (!atRest && !inTransit) {
            throw new IllegalArgumentException("atRest: at least one of atRest and inTransit must be true");
        }
    }

    @Override
    public String summary() {
        return "data encrypted " + (atRest && inTransit ? "at rest and in transit" : atRest ? "at rest" : "in transit");
    }
}
