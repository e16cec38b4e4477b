package dev.gantry.domain.policy.params;

import java.util.Optional;

/** {@code gate.imageScan}: container images are scanned for known vulnerabilities before they deploy. */
public record ImageScanGate(Optional<FindingSeverity> failOn) implements RuleParameters {

    @Override
    public String summary() {
        return "container images scanned for known vulnerabilities before deploying"
                + failOn.map(s -> "; " + s.failingFindings() + " fail it").orElse("");
    }
}
