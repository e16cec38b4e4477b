package dev.gantry.domain.audit;

/**
 * A change handed to {@link AuditTrail#commitAudited}. It runs inside a transaction it shares with other callers'
 * changes, as the caller who handed it over (same authentication), and may run more than once: if the shared
 * transaction cannot commit, each change is made again alone. So it must read what it depends on afresh, check
 * whatever it checks (permissions, check-and-set) inside, and have no effect outside the database.
 *
 * <p>Throwing undoes this change only, and the exception reaches the caller; so does a {@link Audited#refused
 * refusal}, whose entries are kept.
 */
@FunctionalInterface
public interface AuditedChange<T> {

    Audited<T> apply();
}
