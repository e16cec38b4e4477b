package dev.gantry.domain.policy.params;

/** {@code monitoring.metricsEndpoint}: every service exposes its metrics over HTTP at {@code path}. */
public record MetricsEndpoint(String path) implements RuleParameters {

    public MetricsEndpoint {
        Checks.token(path, "path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path: must start with '/', was '" + path + "'");
        }
    }

    @Override
    public String summary() {
        return "every service exposes metrics at " + path;
    }
}
