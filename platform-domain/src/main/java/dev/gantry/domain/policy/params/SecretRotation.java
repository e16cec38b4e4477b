package dev.gantry.domain.policy.params;

import java.time.Period;

/** {@code secrets.rotation}: no credential may be older than {@code maxAge}. */
public record SecretRotation(Period maxAge) implements RuleParameters {

    public SecretRotation {
        Checks.positive(maxAge, "maxAge");
    }

    @Override
    public String summary() {
        return "credentials rotated at least " + Wording.every(maxAge);
    }
}
