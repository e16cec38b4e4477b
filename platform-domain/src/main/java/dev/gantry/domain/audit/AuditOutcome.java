package dev.gantry.domain.audit;

/** How the audited action ended. Denials are recorded as carefully as successes. */
public enum AuditOutcome {
    SUCCESS,
    DENIED,
    FAILURE
}
