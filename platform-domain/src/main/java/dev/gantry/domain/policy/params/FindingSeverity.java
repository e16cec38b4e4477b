package dev.gantry.domain.policy.params;

/** Severity of a scanner finding, as vulnerability scanners grade them; a gate fails at its threshold or above. */
public enum FindingSeverity {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    public boolean isAtLeast(FindingSeverity threshold) {
        return compareTo(threshold) >= 0;
    }

    /** How a gate failing at this threshold reads: "HIGH or more severe findings". */
    String failingFindings() {
        return this == CRITICAL ? "CRITICAL findings" : this + " or more severe findings";
    }
}
