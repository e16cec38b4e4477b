package dev.gantry.secrets;

/** Where a repository scan stands. */
public enum ScanOutcome {
    RUNNING,
    COMPLETED,
    FAILED
}
