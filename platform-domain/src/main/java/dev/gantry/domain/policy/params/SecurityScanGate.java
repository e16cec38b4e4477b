package dev.gantry.domain.policy.params;

import dev.gantry.domain.Environment;
import java.util.Optional;
import java.util.Set;

/**
 * {@code gate.securityScan}: a deploy to these environments needs a passing security scan. No {@code scans} means
 * the organisation names no particular kind: the pipeline's security stage must pass, whatever it runs.
 */
public record SecurityScanGate(Set<ScanKind> scans, Set<Environment> environments, Optional<FindingSeverity> failOn)
        implements RuleParameters {

    public enum ScanKind {
        SAST("static (SAST)"),
        DAST("dynamic (DAST)"),
        DEPENDENCIES("dependency"),
        INFRASTRUCTURE("infrastructure");

        private final String wording;

        ScanKind(String wording) {
            this.wording = wording;
        }
    }

    public SecurityScanGate {
        scans = Checks.enums(ScanKind.class, scans, "scans", false);
        environments = Checks.enums(Environment.class, environments, "environments", true);
    }

    @Override
    public String summary() {
        String what = scans.isEmpty() ? "a security scan"
                : scans.size() == 1 ? "a " + Wording.list(scans, s -> s.wording) + " scan"
                : Wording.list(scans, s -> s.wording) + " scans";
        return what + " must pass before " + Wording.deploysTo(environments)
                + failOn.map(s -> "; " + s.failingFindings() + " fail it").orElse("");
    }
}
