package dev.gantry.domain.policy.params;

import java.time.Period;
import java.util.Locale;

/** {@code operations.patching}: systems and base images are patched on a cadence, and at once for severe CVEs. */
public record Patching(Period every, double immediateAtCvss) implements RuleParameters {

    public Patching {
        Checks.positive(every, "every");
        Checks.between(immediateAtCvss, 0, 10, "immediateAtCvss");
    }

    public boolean requiresImmediatePatch(double cvssScore) {
        return cvssScore >= immediateAtCvss;
    }

    @Override
    public String summary() {
        return "operating systems and base images patched " + Wording.every(every)
                + ", and at once for a CVE scored " + String.format(Locale.ROOT, "%.1f", immediateAtCvss)
                + " or higher";
    }
}
