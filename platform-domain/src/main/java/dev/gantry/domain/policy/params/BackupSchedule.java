package dev.gantry.domain.policy.params;

import java.time.Duration;
import java.util.Set;

/**
 * {@code recovery.backup}: what is backed up and how often; {@code copies} counts the copies kept of each backup,
 * and with {@code separateLocation} at least one of them lives apart from the others (another site or region).
 */
public record BackupSchedule(Duration every, int copies, boolean separateLocation, Set<Source> sources)
        implements RuleParameters {

    public enum Source {
        DATABASE,
        APPLICATION,
        CONFIGURATION,
        INFRASTRUCTURE_STATE
    }

    public BackupSchedule {
        Checks.positive(every, "every");
        Checks.atLeast(copies, 1, "copies");
        sources = Checks.enums(Source.class, sources, "sources", true);
        if (separateLocation && copies < 2) {
            throw new IllegalArgumentException("copies: a separate location needs at least 2 copies, was " + copies);
        }
    }

    @Override
    public String summary() {
        String summary = Wording.list(sources, s -> Wording.words(s.name())) + " backed up automatically "
                + Wording.every(every) + "; " + (copies == 1 ? "1 copy" : copies + " copies");
        return separateLocation ? summary + ", one in a separate location" : summary;
    }
}
