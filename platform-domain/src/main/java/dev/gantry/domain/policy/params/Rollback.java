package dev.gantry.domain.policy.params;

import java.util.Set;

/**
 * {@code deploy.rollback}: returning to the previous version is always one step away; with {@code automatic} it
 * happens by itself on any of the triggers.
 */
public record Rollback(boolean automatic, Set<Trigger> triggers) implements RuleParameters {

    public enum Trigger {
        FAILED_HEALTH_CHECK("a failed health check"),
        ERROR_RATE_SPIKE("an error-rate spike"),
        LATENCY_REGRESSION("a latency regression"),
        CRITICAL_ALERT("a critical alert");

        private final String wording;

        Trigger(String wording) {
            this.wording = wording;
        }
    }

    public Rollback {
        triggers = Checks.enums(Trigger.class, triggers, "triggers", false);
        if (automatic && triggers.isEmpty()) {
            throw new IllegalArgumentException("triggers: an automatic rollback needs at least one trigger");
        }
        if (!automatic && !triggers.isEmpty()) {
            throw new IllegalArgumentException("triggers: only an automatic rollback has triggers");
        }
    }

    @Override
    public String summary() {
        String summary = "one-step rollback to the previous version at any time";
        return automatic ? summary + "; automatic on " + Wording.alternatives(triggers, t -> t.wording)
                : summary;
    }
}
