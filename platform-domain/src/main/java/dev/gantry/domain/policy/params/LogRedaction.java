package dev.gantry.domain.policy.params;

/** {@code monitoring.noSensitiveDataInLogs}: secrets and personal data never reach a log line. */
public record LogRedaction() implements RuleParameters {

    @Override
    public String summary() {
        return "no secret or personal data written to logs";
    }
}
