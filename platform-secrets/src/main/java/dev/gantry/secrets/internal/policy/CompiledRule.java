package dev.gantry.secrets.internal.policy;

import dev.gantry.secrets.SecretCapability;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** One rule of a policy, ready to match: a glob and what it grants (or {@link SecretCapability#DENY}). */
public record CompiledRule(PathGlob glob, Set<SecretCapability> capabilities) {

    public CompiledRule {
        capabilities = Collections.unmodifiableSet(EnumSet.copyOf(capabilities));
    }

    public boolean denies() {
        return capabilities.contains(SecretCapability.DENY);
    }
}
