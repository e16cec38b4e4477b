package dev.gantry.domain.policy.params;

import java.time.Period;

/** {@code access.review}: every grant is reviewed, and confirmed or removed, at least this often. */
public record AccessReview(Period every) implements RuleParameters {

    public AccessReview {
        Checks.positive(every, "every");
    }

    @Override
    public String summary() {
        return "access rights reviewed " + Wording.every(every);
    }
}
