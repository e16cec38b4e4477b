package dev.gantry.secrets;

import java.time.Instant;
import java.util.List;

/** A stored policy as it is now. {@code version} is what {@link SecretPolicies#update} expects back. */
public record PolicyView(String name, String description, long version, List<PolicyRule> rules, Instant createdAt,
        String createdBy, Instant updatedAt, String updatedBy) {

    public PolicyView {
        rules = List.copyOf(rules);
    }
}
