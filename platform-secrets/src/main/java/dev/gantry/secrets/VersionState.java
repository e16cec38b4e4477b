package dev.gantry.secrets;

/**
 * What is left of a version: readable, soft-deleted (recoverable), or destroyed (its value is gone for good); or a
 * rotation candidate that is still pending or failed, which nobody may read.
 */
public enum VersionState {
    ACTIVE,
    DELETED,
    DESTROYED,
    PENDING,
    FAILED
}
