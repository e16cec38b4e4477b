package dev.gantry.domain.policy.params;

import java.time.Duration;

/** {@code secrets.temporaryAccess}: personal access tokens expire after at most {@code maxTtl}. */
public record TemporaryAccess(Duration maxTtl) implements RuleParameters {

    public TemporaryAccess {
        Checks.positive(maxTtl, "maxTtl");
    }

    @Override
    public String summary() {
        return "access tokens are temporary, valid for at most " + Wording.duration(maxTtl);
    }
}
