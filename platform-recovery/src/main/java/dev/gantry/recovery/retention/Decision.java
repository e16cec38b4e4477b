package dev.gantry.recovery.retention;

import java.util.List;

/**
 * The verdict for one candidate point and every rule that kept it, in restic's words ("daily snapshot",
 * "oldest yearly snapshot", "within 1y2m", "weekly within 3m") plus Gantry's {@value Retention#NEWEST_VERIFIED}.
 * A forgotten point has no reasons.
 */
public record Decision(Point point, Verdict verdict, List<String> reasons) {

    public Decision {
        reasons = List.copyOf(reasons);
        if ((verdict == Verdict.KEEP) == reasons.isEmpty()) {
            throw new IllegalArgumentException("a kept point needs a reason and a forgotten one has none");
        }
    }

    public boolean kept() {
        return verdict == Verdict.KEEP;
    }
}
