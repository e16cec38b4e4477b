package dev.gantry.recovery;

import java.util.List;
import java.util.UUID;

/** What applying a plan's keep rules did: points kept (with their reason on the point), removed, and any trouble. */
public record RetentionOutcome(List<UUID> kept, List<UUID> removed, List<String> problems, String note) {

    public RetentionOutcome {
        kept = List.copyOf(kept);
        removed = List.copyOf(removed);
        problems = List.copyOf(problems);
    }
}
