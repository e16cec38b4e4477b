package dev.gantry.domain.policy.params;

import java.time.Period;

/** {@code operations.penetrationTest}: an outside-in penetration test at least this often. */
public record PenetrationTest(Period every) implements RuleParameters {

    public PenetrationTest {
        Checks.positive(every, "every");
    }

    @Override
    public String summary() {
        return "penetration test " + Wording.every(every);
    }
}
