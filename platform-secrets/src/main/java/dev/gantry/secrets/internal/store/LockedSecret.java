package dev.gantry.secrets.internal.store;

import dev.gantry.secrets.StageLabel;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A secret's row as a vault write sees it once it holds the row's lock: what check-and-set, numbering and pruning
 * need, and its labels, which nobody else can move while the lock is held.
 */
public record LockedSecret(UUID id, String path, int maxVersions, long latestVersion, Map<StageLabel, Long> labels) {

    public LockedSecret {
        labels = Map.copyOf(labels);
    }

    /** The version labelled CURRENT; 0 if there is none. */
    public long currentVersion() {
        Long current = labels.get(StageLabel.CURRENT);
        return current == null ? 0 : current;
    }

    @Nullable
    Long label(StageLabel label) {
        return labels.get(label);
    }
}
