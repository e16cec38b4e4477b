package dev.gantry.secrets.internal.policy;

import dev.gantry.secrets.SecretCapability;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a set of policies allows on one path. Every matching rule of every policy counts: the union of their grants,
 * unless any of them denies, in which case nothing is allowed. How specific a glob is plays no part, so adding a
 * policy can never lift someone else's deny, and no path is reachable unless some rule grants it.
 *
 * @param granted  the union of the capabilities of the matching rules
 * @param deniedBy the first policy (in the order given) whose matching rule denies, or null
 */
public record Access(Set<SecretCapability> granted, @Nullable String deniedBy) {

    private static final Set<SecretCapability> EVERYTHING =
            Collections.unmodifiableSet(EnumSet.complementOf(EnumSet.of(SecretCapability.DENY)));

    public static Access evaluate(Collection<CompiledPolicy> policies, String path) {
        String[] segments = path.split("/", -1);
        EnumSet<SecretCapability> granted = EnumSet.noneOf(SecretCapability.class);
        for (CompiledPolicy policy : policies) {
            for (CompiledRule rule : policy.rules()) {
                if (rule.glob().matches(segments)) {
                    if (rule.denies()) {
                        return new Access(Set.of(), policy.name());
                    }
                    granted.addAll(rule.capabilities());
                }
            }
        }
        return new Access(Collections.unmodifiableSet(granted), null);
    }

    public boolean allows(SecretCapability capability) {
        return capability != SecretCapability.DENY && deniedBy == null
                && (granted.contains(capability) || granted.contains(SecretCapability.ADMIN));
    }

    /** Every capability this access allows, {@link SecretCapability#ADMIN} spelled out; empty when denied. */
    public Set<SecretCapability> effective() {
        if (deniedBy != null) {
            return Set.of();
        }
        return granted.contains(SecretCapability.ADMIN) ? EVERYTHING : granted;
    }
}
