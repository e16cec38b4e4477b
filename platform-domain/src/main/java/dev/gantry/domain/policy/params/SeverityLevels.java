package dev.gantry.domain.policy.params;

import dev.gantry.domain.Severity;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code incidents.severities}: what each severity means in this organisation, in its own words. */
public record SeverityLevels(Map<Severity, String> levels) implements RuleParameters {

    public SeverityLevels {
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("levels: must define at least one severity");
        }
        EnumMap<Severity, String> copy = new EnumMap<>(Severity.class);
        levels.forEach((severity, meaning) -> copy.put(severity, Checks.text(meaning, "levels." + severity)));
        levels = Collections.unmodifiableMap(copy);
    }

    @Override
    public String summary() {
        return levels.entrySet().stream()
                .map(level -> level.getKey() + " " + level.getValue())
                .collect(Collectors.joining("; "));
    }
}
