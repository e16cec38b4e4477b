package dev.gantry.domain.policy.params;

import java.util.Set;

/** {@code deploy.automaticApproval}: a change is approved without a person once every condition holds. */
public record AutomaticApproval(Set<Condition> requires) implements RuleParameters {

    public enum Condition {
        GREEN_PIPELINE("every pipeline stage passed"),
        STANDARD_CHANGE("the change is a standard one");

        private final String wording;

        Condition(String wording) {
            this.wording = wording;
        }
    }

    public AutomaticApproval {
        requires = Checks.enums(Condition.class, requires, "requires", true);
    }

    @Override
    public String summary() {
        return "approved automatically when " + Wording.list(requires, c -> c.wording);
    }
}
