package dev.gantry.domain.policy.params;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code incidents.escalation}: who an unresolved incident reaches, tier by tier; {@code after} is the time since
 * the alert at which a tier joins, so the first tier usually has {@code PT0S}.
 */
public record Escalation(List<Tier> tiers) implements RuleParameters {

    public enum Responder {
        AUTOMATION("automated remediation"),
        ON_CALL("the on-call engineer"),
        INCIDENT_COMMANDER("an incident commander"),
        LEAD("the accountable lead");

        private final String wording;

        Responder(String wording) {
            this.wording = wording;
        }
    }

    public record Tier(String name, Responder who, Duration after) {

        public Tier {
            name = Checks.text(name, "name");
            if (after.isNegative()) {
                throw new IllegalArgumentException("after: must not be negative, was " + after);
            }
        }

        String summary() {
            return name + ": " + who.wording + (after.isZero() ? " at once" : " after " + Wording.duration(after));
        }
    }

    public Escalation {
        tiers = List.copyOf(tiers);
        if (tiers.isEmpty()) {
            throw new IllegalArgumentException("tiers: must list at least one tier");
        }
        for (int i = 1; i < tiers.size(); i++) {
            if (tiers.get(i).after().compareTo(tiers.get(i - 1).after()) <= 0) {
                throw new IllegalArgumentException("tiers[" + i + "].after: must be later than the tier before ("
                        + tiers.get(i - 1).after() + "), was " + tiers.get(i).after());
            }
        }
    }

    @Override
    public String summary() {
        return tiers.stream().map(Tier::summary).collect(Collectors.joining("; "));
    }
}
