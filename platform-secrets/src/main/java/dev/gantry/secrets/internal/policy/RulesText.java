package dev.gantry.secrets.internal.policy;

import dev.gantry.secrets.SecretCapability;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The stored form of a policy's rules: one rule a line, the glob, one space, the capabilities' wire names joined by
 * commas in a fixed order ({@code payments/** read,list}). Globs hold no spaces, so the form needs no escaping, and
 * it is canonical: the same rules always give the same text, hence the same digest in the audit trail.
 */
public final class RulesText {

    private RulesText() {
    }

    public static String format(List<CompiledRule> rules) {
        return rules.stream().map(RulesText::format).collect(Collectors.joining("\n"));
    }

    private static String format(CompiledRule rule) {
        return rule.glob() + " " + EnumSet.copyOf(rule.capabilities()).stream().map(SecretCapability::wireName)
                .collect(Collectors.joining(","));
    }

    /** @throws dev.gantry.domain.InvalidInputException if a line does not parse */
    public static List<CompiledRule> parse(String text) {
        List<CompiledRule> rules = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int space = line.indexOf(' ');
            if (space < 0) {
                throw new dev.gantry.domain.InvalidInputException("rules", "a stored rule without capabilities");
            }
            Set<SecretCapability> capabilities = EnumSet.noneOf(SecretCapability.class);
            for (String name : line.substring(space + 1).split(",")) {
                capabilities.add(SecretCapability.fromWireName("rules", name));
            }
            rules.add(new CompiledRule(PathGlob.parse("rules", line.substring(0, space)), capabilities));
        }
        return rules;
    }
}
