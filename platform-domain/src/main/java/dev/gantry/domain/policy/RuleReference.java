package dev.gantry.domain.policy;

/**
 * Names the exact rule an enforcement applied, so evidence for a deployment, drill, rotation or review still says
 * which rule of which pack version it met after the pack has moved on.
 */
public record RuleReference(String packId, String packVersion, String ruleId) {

    /** For example {@code acme@1.0.0#prod-approval}. */
    @Override
    public String toString() {
        return packId + "@" + packVersion + "#" + ruleId;
    }
}
