package dev.gantry.domain.policy.params;

import java.util.Set;

/** {@code audit.trail}: these kinds of action always leave an entry in the tamper-evident audit trail. */
public record AuditTrailRequired(Set<Subject> covers) implements RuleParameters {

    public enum Subject {
        DEPLOYMENTS,
        OPERATIONS,
        INFRASTRUCTURE_CHANGES,
        ACCESS_CHANGES,
        SECRET_ACCESS
    }

    public AuditTrailRequired {
        covers = Checks.enums(Subject.class, covers, "covers", true);
    }

    @Override
    public String summary() {
        return "the audit trail records all " + Wording.list(covers, s -> Wording.words(s.name()));
    }
}
