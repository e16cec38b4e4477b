package dev.gantry.recovery;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Decides which backup points a plan's {@link KeepRules} keep. Implemented by the retention calculator; applied by
 * {@link BackupService#applyRetention}, which deletes the rest from every location. Without an implementation
 * nothing is ever deleted.
 */
public interface BackupRetention {

    /**
     * @param points the plan's complete (SUCCEEDED) points, newest first
     * @return for each point to keep, the reason (e.g. {@code last}, {@code daily}); points not named are removed
     */
    Map<UUID, String> keep(KeepRules rules, List<Candidate> points, Instant now);

    record Candidate(UUID pointId, Instant createdAt) {
    }
}
