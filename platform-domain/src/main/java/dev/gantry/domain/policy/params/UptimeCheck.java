package dev.gantry.domain.policy.params;

import java.time.Duration;

/** {@code monitoring.uptimeCheck}: a synthetic probe checks from outside that each service answers. */
public record UptimeCheck(Duration every) implements RuleParameters {

    public UptimeCheck {
        Checks.positive(every, "every");
    }

    @Override
    public String summary() {
        return "synthetic uptime check " + Wording.every(every) + ", alerting when it fails";
    }
}
