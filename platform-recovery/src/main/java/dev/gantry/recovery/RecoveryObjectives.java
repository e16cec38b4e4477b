package dev.gantry.recovery;

import java.time.Duration;
import java.time.Period;
import org.jspecify.annotations.Nullable;

/**
 * The recovery objectives a plan is held to, and where each came from, for evidence.
 *
 * @param rpo        at most this much data may be lost; null when neither the plan nor the pack sets one
 * @param rto        service back within this; null when unset
 * @param drillEvery drills must run at least this often (the pack's {@code recovery.drill every}); null when unset
 * @param source     e.g. {@code pack octoacme 1.4.0 rule restore-drills}, or {@code plan override}
 */
public record RecoveryObjectives(@Nullable Duration rpo, @Nullable Duration rto, @Nullable Period drillEvery,
        String source) {

    /** A plan's own RPO/RTO where set, the pack's otherwise; the drill frequency always comes from the pack. */
    public static RecoveryObjectives of(BackupPlanDraft draft, RecoveryPolicy policy) {
        var pack = policy.defaults();
        var rpo = draft.rpo() != null ? draft.rpo() : pack.map(RecoveryObjectives::rpo).orElse(null);
        var rto = draft.rto() != null ? draft.rto() : pack.map(RecoveryObjectives::rto).orElse(null);
        String source = pack.map(RecoveryObjectives::source).orElse("no policy rule");
        if (draft.rpo() != null || draft.rto() != null) {
            source = "plan override" + (pack.isPresent() ? ", otherwise " + source : "");
        }
        return new RecoveryObjectives(rpo, rto, pack.map(RecoveryObjectives::drillEvery).orElse(null), source);
    }
}
