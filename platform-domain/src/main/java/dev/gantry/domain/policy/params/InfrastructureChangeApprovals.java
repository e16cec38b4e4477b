package dev.gantry.domain.policy.params;

/** {@code infra.changeApprovals}: a change to an infrastructure repository needs this many approvals to merge. */
public record InfrastructureChangeApprovals(int min) implements RuleParameters {

    public InfrastructureChangeApprovals {
        Checks.atLeast(min, 0, "min");
    }

    @Override
    public String summary() {
        return "infrastructure changes need at least " + Wording.count(min, "approval");
    }
}
