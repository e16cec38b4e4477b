package dev.gantry.domain.policy.params;

/** {@code secrets.vault}: secrets live in the vault and reach workloads injected at run time, never as files. */
public record VaultRequired() implements RuleParameters {

    @Override
    public String summary() {
        return "secrets are kept in the vault and injected at run time";
    }
}
