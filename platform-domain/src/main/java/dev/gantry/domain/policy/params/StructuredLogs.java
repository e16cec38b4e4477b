package dev.gantry.domain.policy.params;

/** {@code monitoring.structuredLogs}: services write machine-parsable log lines in {@code format}. */
public record StructuredLogs(Format format) implements RuleParameters {

    public enum Format {
        JSON,
        LOGFMT
    }

    @Override
    public String summary() {
        return "logs written as structured " + format + " lines";
    }
}
