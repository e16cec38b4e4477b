package dev.gantry.access;

/** Whether a listed API token still works. */
public enum TokenState {
    ACTIVE,
    EXPIRED,
    REVOKED
}
