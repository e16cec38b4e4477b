package dev.gantry.secrets;

import java.time.Instant;
import java.util.List;

/** One version in a policy's history; {@code deleted} marks the version that removed it. */
public record PolicyRevision(String name, long version, String description, List<PolicyRule> rules, boolean deleted,
        Instant changedAt, String changedBy) {

    public PolicyRevision {
        rules = List.copyOf(rules);
    }
}
