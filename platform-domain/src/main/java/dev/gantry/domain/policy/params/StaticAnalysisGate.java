package dev.gantry.domain.policy.params;

/** {@code gate.staticAnalysis}: static code analysis (quality and bugs) passes before a build may deploy. */
public record StaticAnalysisGate() implements RuleParameters {

    @Override
    public String summary() {
        return "static code analysis passes before any deploy";
    }
}
