package dev.gantry.secrets.internal.policy;

import dev.gantry.secrets.SecretCapability;
import java.util.List;
import java.util.Set;

/** A named list of rules, compiled once per change of the stored policies. */
public record CompiledPolicy(String name, List<CompiledRule> rules) {

    public CompiledPolicy {
        rules = List.copyOf(rules);
    }

    /**
     * A policy whose stored rules no longer compile (edited in the database, or written by a newer Gantry) denies
     * everything: skipping the rule that failed could drop a deny and grant more than its author meant.
     */
    static CompiledPolicy denyingEverything(String name) {
        return new CompiledPolicy(name, List.of(new CompiledRule(PathGlob.parse("rules", "**"),
                Set.of(SecretCapability.DENY))));
    }
}
