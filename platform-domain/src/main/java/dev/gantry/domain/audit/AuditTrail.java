package dev.gantry.domain.audit;

/**
 * Appends to the tamper-evident audit trail.
 *
 * <p>{@link #record} joins the caller's transaction: the entry commits with the change it records, and if the entry
 * cannot be written the exception propagates and the change rolls back. Callers must not catch it.
 *
 * <p>{@link #recordCommitted} is for an action whose effect is handed out only after it is audited, such as
 * revealing a value: the entry commits on its own, together with entries of other callers waiting at the same time,
 * and the call returns only once it is committed. If it throws, the entry may or may not be stored; the caller must
 * then withhold what the entry was to account for.
 *
 * <p>{@link #commitAudited} does the same for a whole change: the change and its entries commit in a transaction
 * shared with the changes of other callers waiting at the same time, each under a savepoint of its own.
 */
public interface AuditTrail {

    void record(AuditRecord record);

    /**
     * Appends {@code record} and returns once it is committed.
     *
     * @throws IllegalStateException if called inside a transaction (the caller could hold what the append waits
     *                               for), or if the entry was not committed in time or at all
     */
    void recordCommitted(AuditRecord record);

    /**
     * Makes {@code change} and commits it with its entries, together with other callers' changes, and returns its
     * value once committed. A change that throws, or is refused, is undone alone; the others still commit.
     *
     * @throws IllegalStateException if called inside a transaction, or if the change and its entries were not
     *                               committed in time or at all (the change is then not stored either)
     */
    <T> T commitAudited(AuditedChange<T> change);
}
