package dev.gantry.domain.audit;

/**
 * Appends to the tamper-evident audit trail.
 *
 * <p>Implementations join the caller's transaction: the entry commits with the change it records, and if the entry
 * cannot be written the exception propagates and the change rolls back. Callers must not catch it.
 */
public interface AuditTrail {

    void record(AuditRecord record);
}
