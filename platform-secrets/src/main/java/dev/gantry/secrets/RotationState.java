package dev.gantry.secrets;

/** Where a secret's rotation stands, for the dashboard. */
public enum RotationState {
    /** Rotated automatically; not due yet. */
    SCHEDULED,
    /** Due (or overdue), waiting for the next run or its window. */
    DUE,
    /** A candidate is PENDING right now. */
    IN_PROGRESS,
    /** The last attempts failed, fewer than the alert threshold; retrying with back-off. */
    RETRYING,
    /** At least the threshold of consecutive attempts failed. */
    FAILING,
    /** Gantry cannot rotate it: people do, before its expiry. */
    MANUAL,
    /** Its policy is switched off. */
    DISABLED
}
