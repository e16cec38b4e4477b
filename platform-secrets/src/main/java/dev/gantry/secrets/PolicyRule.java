package dev.gantry.secrets;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * One rule of a policy: what {@code capabilities} it allows on the secret paths {@code pathGlob} matches, or, with
 * {@link SecretCapability#DENY} alone, that nothing is allowed there. The glob syntax is documented in ADR 6:
 * {@code *} is one segment, {@code **} or a trailing {@code *} any suffix.
 */
public record PolicyRule(String pathGlob, Set<SecretCapability> capabilities) {

    public PolicyRule {
        capabilities = capabilities.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(capabilities));
    }

    public static PolicyRule of(String pathGlob, SecretCapability... capabilities) {
        return new PolicyRule(pathGlob, Set.of(capabilities));
    }
}
