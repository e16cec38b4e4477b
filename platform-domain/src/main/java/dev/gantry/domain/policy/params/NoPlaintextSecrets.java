package dev.gantry.domain.policy.params;

/** {@code secrets.noPlaintextInRepositories}: no secret is ever committed to a repository in the clear. */
public record NoPlaintextSecrets() implements RuleParameters {

    @Override
    public String summary() {
        return "no secret committed to a repository in plain text";
    }
}
