package dev.gantry.domain.policy.params;

import dev.gantry.domain.Severity;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code monitoring.alertThreshold}: an alert fires when {@code metric} is above the threshold, for at least
 * {@code sustainedFor} when given. The unit is written out in the pack so a reader cannot misread 500 as percent.
 */
public record AlertThreshold(Metric metric, double above, Unit unit, Optional<Duration> sustainedFor,
                             Optional<Severity> severity) implements RuleParameters {

    public enum Unit {
        PERCENT("%"),
        MILLISECONDS(" ms"),
        PER_MINUTE(" per minute");

        private final String suffix;

        Unit(String suffix) {
            this.suffix = suffix;
        }
    }

    public enum Metric {
        CPU("CPU utilisation", Unit.PERCENT),
        MEMORY("memory utilisation", Unit.PERCENT),
        DISK("disk utilisation", Unit.PERCENT),
        ERROR_RATE("error rate", Unit.PERCENT),
        LATENCY("response latency", Unit.MILLISECONDS),
        AUTH_FAILURES("authentication failures", Unit.PER_MINUTE);

        private final String wording;
        private final Unit unit;

        Metric(String wording, Unit unit) {
            this.wording = wording;
            this.unit = unit;
        }

        public Unit unit() {
            return unit;
        }
    }

    public AlertThreshold {
        if (unit != metric.unit) {
            throw new IllegalArgumentException("unit: " + metric + " is measured in " + metric.unit + ", not " + unit);
        }
        Checks.between(above, 0, unit == Unit.PERCENT ? 100 : Double.MAX_VALUE, "above");
        Checks.positiveIfPresent(sustainedFor, "sustainedFor");
    }

    /** Whether a reading held for {@code heldFor} should raise this alert. */
    public boolean isBreachedBy(double value, Duration heldFor) {
        return value > above && sustainedFor.map(min -> heldFor.compareTo(min) >= 0).orElse(true);
    }

    @Override
    public String summary() {
        return severity.map(s -> s + " alert").orElse("alert") + " on " + metric.wording + " above "
                + Wording.number(above) + unit.suffix
                + sustainedFor.map(d -> " sustained for " + Wording.duration(d)).orElse("");
    }
}
