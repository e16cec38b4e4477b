package dev.gantry.domain.policy;

import dev.gantry.domain.policy.params.RuleParameters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Turns the composed YAML of one pack into a {@link PolicyPack}, or into every problem that stops it being one. */
final class PackReader {

    private static final int NAME = 200;
    private static final int DESCRIPTION = 10_000;
    private static final int RULE_DESCRIPTION = 2_000;
    private static final int KIND = 100;
    private static final int VERSION = 64;

    private final String source;
    private final Problems problems;

    PackReader(String source, Problems problems) {
        this.source = source;
        this.problems = problems;
    }

    PolicyPack read(Node document) {
        YamlFields pack = YamlFields.of(document, "", problems);
        String id = pack.text("pack", PolicyRule.MAX_ID_LENGTH, PolicyPack.ID,
                "is not a pack id: use lower-case words joined by hyphens, e.g. acme or acme-prod");
        String name = pack.text("name", NAME);
        String organisation = pack.text("organisation", NAME);
        String version = pack.text("version", VERSION, PolicyPack.SEMANTIC_VERSION,
                "is not a semantic version: write MAJOR.MINOR.PATCH, e.g. 1.0.0");
        String description = pack.text("description", DESCRIPTION);
        List<PolicyRule> rules = rules(pack);
        pack.rejectUnknown("field", "");
        if (problems.count() > 0) {
            throw problems.refusal();
        }
        return new PolicyPack(id, name, organisation, version, description, source, rules);
    }

    private List<PolicyRule> rules(YamlFields pack) {
        Optional<Node> node = pack.node("rules");
        if (node.isEmpty()) {
            problems.at(pack.position(), "rules", "is required: a pack lists at least one rule");
            return List.of();
        }
        if (!(node.get() instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
            problems.at(node.get(), "rules", "must be a list of at least one rule");
            return List.of();
        }
        List<PolicyRule> rules = new ArrayList<>();
        Map<String, Integer> firstLineOfId = new HashMap<>();
        List<Node> items = sequence.getValue();
        for (int i = 0; i < items.size(); i++) {
            rule(items.get(i), "rules[" + i + "]", firstLineOfId).ifPresent(rules::add);
        }
        return rules;
    }

    private Optional<PolicyRule> rule(Node node, String path, Map<String, Integer> firstLineOfId) {
        int before = problems.count();
        YamlFields rule = YamlFields.of(node, path, problems);
        String id = rule.text("id", PolicyRule.MAX_ID_LENGTH, PolicyRule.ID,
                "is not a rule id: use lower-case words joined by hyphens, e.g. prod-approval");
        if (!id.isEmpty()) {
            rule.node("id").ifPresent(idNode -> {
                Integer firstLine = firstLineOfId.putIfAbsent(id, idNode.getStartMark().getLine() + 1);
                if (firstLine != null) {
                    problems.at(idNode, rule.field("id"), "duplicate rule id '" + id + "' (first used at line "
                            + firstLine + ")");
                }
            });
        }
        Optional<RuleKind> kind = kind(rule);
        String description = rule.text("description", RULE_DESCRIPTION);
        Optional<Node> params = rule.node("params");
        Optional<RuleParameters> parameters = kind.flatMap(k -> parameters(k, rule, params));
        rule.rejectUnknown("field", "a rule");
        if (problems.count() > before || kind.isEmpty() || parameters.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PolicyRule(id, kind.get(), description, parameters.get()));
    }

    private Optional<RuleKind> kind(YamlFields rule) {
        String name = rule.text("kind", KIND);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Optional<RuleKind> kind = RuleKind.fromYamlName(name);
        if (kind.isEmpty()) {
            List<String> known = RuleKind.yamlNames();
            rule.node("kind").ifPresent(node -> problems.at(node, rule.field("kind"), "unknown kind '" + name + "'"
                    + Suggestions.hint(name, known) + "; known kinds: " + String.join(", ", known)));
        }
        return kind;
    }

    private Optional<RuleParameters> parameters(RuleKind kind, YamlFields rule, Optional<Node> node) {
        String path = rule.field("params");
        YamlFields params = node
                .map(given -> YamlFields.of(given, path, problems))
                .orElseGet(() -> YamlFields.absent(rule.position(), path, problems));
        Optional<RuleParameters> parameters = params.build(fields -> ParameterParsers.read(kind, fields));
        params.rejectUnknown("parameter", kind.yamlName());
        return parameters;
    }
}
