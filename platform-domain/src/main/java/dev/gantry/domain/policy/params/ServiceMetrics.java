package dev.gantry.domain.policy.params;

import java.util.Set;

/** {@code metrics.service}: the service-level indicators tracked for every service. */
public record ServiceMetrics(Set<Indicator> track) implements RuleParameters {

    public enum Indicator {
        RESPONSE_TIME,
        THROUGHPUT,
        ERROR_RATE,
        UPTIME
    }

    public ServiceMetrics {
        track = Checks.enums(Indicator.class, track, "track", true);
    }

    @Override
    public String summary() {
        return Wording.list(track, i -> Wording.words(i.name())) + " tracked for every service";
    }
}
