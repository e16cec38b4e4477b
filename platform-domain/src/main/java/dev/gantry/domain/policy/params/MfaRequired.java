package dev.gantry.domain.policy.params;

import dev.gantry.domain.Role;
import java.util.Set;

/** {@code access.mfa}: who must sign in with a second factor: holders of {@code requiredFor}, or {@code everyone}. */
public record MfaRequired(Set<Role> requiredFor, boolean everyone) implements RuleParameters {

    public MfaRequired {
        requiredFor = Checks.enums(Role.class, requiredFor, "requiredFor", false);
        if (everyone == !requiredFor.isEmpty()) {
            throw new IllegalArgumentException("requiredFor: give either requiredFor roles or everyone: true");
        }
    }

    public boolean appliesTo(Set<Role> roles) {
        return everyone || roles.stream().anyMatch(requiredFor::contains);
    }

    @Override
    public String summary() {
        return "multi-factor sign-in required for "
                + (everyone ? "everyone" : "every " + Wording.alternatives(requiredFor, Wording::role));
    }
}
