package dev.gantry.domain.policy.params;

import dev.gantry.domain.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code deploy.production.approvals}: who must approve a production deploy before it runs. */
public record ProductionApprovals(int min, Role role, boolean forbidSelfApproval, Optional<String> changeLabel)
        implements RuleParameters {

    public ProductionApprovals {
        Checks.atLeast(min, 0, "min");
        changeLabel = changeLabel.map(label -> Checks.token(label, "changeLabel"));
    }

    @Override
    public String summary() {
        List<String> parts = new ArrayList<>();
        parts.add(min == 0
                ? "no manual approval needed"
                : "at least " + Wording.count(min, "approval") + " by " + Wording.aRole(role));
        if (forbidSelfApproval) {
            parts.add("no self-approval");
        }
        changeLabel.ifPresent(label -> parts.add("change labelled " + label));
        return String.join("; ", parts);
    }
}
