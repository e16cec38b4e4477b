package dev.gantry.domain.policy.params;

import java.time.Period;

/** {@code infra.moduleReview}: shared infrastructure modules are versioned and reviewed at least this often. */
public record ModuleReview(Period every) implements RuleParameters {

    public ModuleReview {
        Checks.positive(every, "every");
    }

    @Override
    public String summary() {
        return "infrastructure modules versioned and reviewed " + Wording.every(every);
    }
}
