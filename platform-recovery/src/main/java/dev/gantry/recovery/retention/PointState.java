package dev.gantry.recovery.retention;

/** Where a recovery point stands; only {@link #SUCCEEDED} and {@link #VERIFIED} points are retention candidates. */
public enum PointState {
    /** Still being written: its archive is not published yet, so retention neither counts nor forgets it. */
    RUNNING,
    /** Ended without a published archive: nothing to keep, and cleaning it up is the run's business, not retention's. */
    FAILED,
    /** Published with a signed manifest. */
    SUCCEEDED,
    /** Published and since proven restorable (a verification read or a restore drill). */
    VERIFIED;

    boolean isCandidate() {
        return this == SUCCEEDED || this == VERIFIED;
    }
}
