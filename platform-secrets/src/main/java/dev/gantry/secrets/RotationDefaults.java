package dev.gantry.secrets;

import dev.gantry.domain.policy.PolicyPack;
import dev.gantry.domain.policy.PolicyRule;
import dev.gantry.domain.policy.RuleKind;
import dev.gantry.domain.policy.RuleReference;
import dev.gantry.domain.policy.params.SecretRotation;
import java.time.Period;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where rotation takes the longest a credential may serve when a policy names no interval: the active policy
 * pack's {@code secrets.rotation} rule. The application provides it from the active pack; without it the
 * configured default ({@code gantry.secrets.rotation.default-interval}) applies. A pack's maximum age also caps a
 * policy's own interval.
 */
@FunctionalInterface
public interface RotationDefaults {

    /** The maximum age and the rule that sets it, if the pack has one. */
    Optional<MaximumAge> maximumAge();

    /** A maximum age, with the rule it comes from so a rotation can record what it complied with. */
    record MaximumAge(Period maxAge, RuleReference rule) {
    }

    static RotationDefaults none() {
        return Optional::empty;
    }

    /** Reads the pack each time, so a pack reloaded while running is followed. */
    static RotationDefaults fromPack(Supplier<PolicyPack> activePack) {
        return () -> {
            PolicyPack pack = activePack.get();
            for (PolicyRule rule : pack.rules(RuleKind.SECRET_ROTATION)) {
                SecretRotation parameters = (SecretRotation) rule.parameters();
                return Optional.of(new MaximumAge(parameters.maxAge(), pack.reference(rule)));
            }
            return Optional.empty();
        };
    }
}
