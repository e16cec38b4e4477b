package dev.gantry.recovery;

/**
 * Where a backup point stands. Only {@link #SUCCEEDED} counts toward the recovery point objective: a partial
 * backup lacks the copies the plan asks for, and a running one (or one whose process died) proves nothing.
 */
public enum PointState {
    RUNNING,
    SUCCEEDED,
    /** Published to some locations but not all; the counts say how many. */
    PARTIALLY_FAILED,
    FAILED,
    /** Complete once, then removed from its locations by retention: history, no longer restorable. */
    EXPIRED
}
