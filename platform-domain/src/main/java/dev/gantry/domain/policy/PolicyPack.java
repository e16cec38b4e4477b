package dev.gantry.domain.policy;

import dev.gantry.domain.policy.params.RuleParameters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An organisation's rules as one versioned document. Rules keep the order the pack gives them.
 *
 * @param id      short name used to activate the pack and in evidence, e.g. {@code acme}
 * @param version semantic version of the pack, e.g. {@code 1.2.0}; evidence records it with each rule applied
 * @param source  name of the file the pack was read from, e.g. {@code acme.yaml}
 */
public record PolicyPack(String id, String name, String organisation, String version, String description,
                         String source, List<PolicyRule> rules) {

    public static final Pattern ID = PolicyRule.ID;

    /** Semantic Versioning 2.0.0, including pre-release and build parts. */
    public static final Pattern SEMANTIC_VERSION = Pattern.compile(
            "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
                    + "(-(0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(\\.(0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*)?"
                    + "(\\+[0-9a-zA-Z-]+(\\.[0-9a-zA-Z-]+)*)?");

    public PolicyPack {
        if (id.length() > PolicyRule.MAX_ID_LENGTH || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("pack id '" + id + "' must be lower-case words joined by hyphens");
        }
        if (!SEMANTIC_VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("pack version '" + version + "' is not a semantic version");
        }
        for (String text : List.of(name, organisation, description, source)) {
            if (text.isBlank()) {
                throw new IllegalArgumentException(
                        "pack " + id + " has a blank name, organisation, description or source");
            }
        }
        rules = List.copyOf(rules);
        Set<String> ids = new HashSet<>();
        for (PolicyRule rule : rules) {
            if (!ids.add(rule.id())) {
                throw new IllegalArgumentException("pack " + id + " has two rules with id " + rule.id());
            }
        }
    }

    public List<PolicyRule> rules(RuleKind kind) {
        return rules.stream().filter(rule -> rule.kind() == kind).toList();
    }

    public Optional<PolicyRule> rule(String ruleId) {
        return rules.stream().filter(rule -> rule.id().equals(ruleId)).findFirst();
    }

    /** The parameters of the first rule of this type, e.g. {@code first(CoverageGate.class)}. */
    public <T extends RuleParameters> Optional<T> first(Class<T> type) {
        return all(type).stream().findFirst();
    }

    /** The parameters of every rule of this type, in pack order (a pack may, say, gate tests per environment). */
    public <T extends RuleParameters> List<T> all(Class<T> type) {
        return rules.stream().map(PolicyRule::parameters).filter(type::isInstance).map(type::cast).toList();
    }

    /** Rules grouped by area, areas in {@link PolicyArea} order, rules in pack order; empty areas left out. */
    public Map<PolicyArea, List<PolicyRule>> byArea() {
        Map<PolicyArea, List<PolicyRule>> grouped = new EnumMap<>(PolicyArea.class);
        for (PolicyRule rule : rules) {
            grouped.computeIfAbsent(rule.area(), area -> new ArrayList<>()).add(rule);
        }
        Map<PolicyArea, List<PolicyRule>> ordered = new LinkedHashMap<>();
        grouped.forEach((area, areaRules) -> ordered.put(area, List.copyOf(areaRules)));
        return Collections.unmodifiableMap(ordered);
    }

    public RuleReference reference(PolicyRule rule) {
        if (!rules.contains(rule)) {
            throw new IllegalArgumentException("rule " + rule.id() + " is not part of pack " + id);
        }
        return new RuleReference(id, version, rule.id());
    }
}
