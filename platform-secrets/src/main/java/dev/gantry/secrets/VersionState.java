package dev.gantry.secrets;

/** What is left of a version: readable, soft-deleted (recoverable), or destroyed (its value is gone for good). */
public enum VersionState {
    ACTIVE,
    DELETED,
    DESTROYED
}
