package dev.gantry.domain.policy.params;

import java.util.List;

/** {@code infra.asCode}: infrastructure is provisioned from code only, with the named tools when there are any. */
public record InfrastructureAsCode(List<String> tools) implements RuleParameters {

    public InfrastructureAsCode {
        tools = tools.stream().map(tool -> Checks.text(tool, "tools")).toList();
    }

    @Override
    public String summary() {
        return "all infrastructure provisioned from code"
                + (tools.isEmpty() ? "" : " with " + Wording.list(tools, tool -> tool));
    }
}
