package dev.gantry.security;

import dev.gantry.access.MfaStatus;
import dev.gantry.access.SignedInUser;
import dev.gantry.access.TotpMfa;
import dev.gantry.domain.Role;
import dev.gantry.domain.policy.PolicyPack;
import dev.gantry.domain.policy.params.MfaRequired;
import org.springframework.stereotype.Component;

/**
 * Who must use a second factor: administrators always, and whoever the active policy pack's {@code access.mfa} rule
 * names (a list of roles, or everyone).
 */
@Component
public class MfaRequirement {

    public enum State { ENROLLED, REQUIRED_NOT_ENROLLED, OPTIONAL_NOT_ENROLLED }

    private final TotpMfa mfa;
    private final PolicyPack policy;

    MfaRequirement(TotpMfa mfa, PolicyPack policy) {
        this.mfa = mfa;
        this.policy = policy;
    }

    public State stateOf(SignedInUser user) {
        if (mfa.status(user.username()) == MfaStatus.ACTIVE) {
            return State.ENROLLED;
        }
        return isRequired(user) ? State.REQUIRED_NOT_ENROLLED : State.OPTIONAL_NOT_ENROLLED;
    }

    boolean isRequired(SignedInUser user) {
        if (user.holds(Role.ADMIN)) {
            return true;
        }
        java.util.Set<Role> held = java.util.EnumSet.noneOf(Role.class);
        held.addAll(user.globalRoles());
        user.teamRoles().values().forEach(held::addAll);
        return policy.all(MfaRequired.class).stream().anyMatch(rule -> rule.appliesTo(held));
    }
}
