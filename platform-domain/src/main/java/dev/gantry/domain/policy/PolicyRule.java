package dev.gantry.domain.policy;

import dev.gantry.domain.policy.params.RuleParameters;
import java.util.regex.Pattern;

/**
 * One rule of a pack.
 *
 * @param id          unique within its pack, lower-case words joined by hyphens, e.g. {@code prod-approval}
 * @param description what the rule asks of people, in plain words
 */
public record PolicyRule(String id, RuleKind kind, String description, RuleParameters parameters) {

    /** Lower-case words joined by hyphens: safe in URLs, evidence records and log lines. */
    public static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    public static final int MAX_ID_LENGTH = 64;

    public PolicyRule {
        if (id.length() > MAX_ID_LENGTH || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("rule id '" + id + "' must be lower-case words joined by hyphens");
        }
        if (description.isBlank()) {
            throw new IllegalArgumentException("rule " + id + " needs a description");
        }
        if (!kind.parametersType().isInstance(parameters)) {
            throw new IllegalArgumentException("rule " + id + " of kind " + kind.yamlName() + " needs "
                    + kind.parametersType().getSimpleName() + " parameters, not "
                    + parameters.getClass().getSimpleName());
        }
    }

    public PolicyArea area() {
        return kind.area();
    }

    public String summary() {
        return parameters.summary();
    }
}
