package dev.gantry.access.internal.audit;

import dev.gantry.domain.audit.AuditRecord;
import dev.gantry.domain.audit.AuditTrail;
import dev.gantry.domain.audit.AuditedChange;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends hash-chained entries in the caller's transaction.
 *
 * <p>Each append locks the single head row ({@code SELECT ... FOR UPDATE}) and keeps the lock until the caller
 * commits or rolls back. That is what keeps the chain linear and gap-free across threads and nodes; the price is
 * that auditing transactions run one at a time from their first append to their end, so callers should append
 * late and keep such transactions short. A rolled-back transaction takes its entries and head update with it.
 * The caller's pending entity changes are flushed before the head is locked, so that the lock covers the append
 * and the commit, not statements that could as well have run while others appended.
 *
 * <p>{@link #recordCommitted} instead hands the entry to {@link AuditGroupCommit}, which appends it with the entries
 * of other waiting callers in one transaction of its own; {@link #commitAudited} hands it a whole change.
 *
 * <p>Plain JDBC rather than entities: rows are only ever inserted, and the statements share the connection of the
 * surrounding JPA or JDBC transaction, so a failed insert fails the caller's change.
 */
@Component
public class ChainedAuditTrail implements AuditTrail {

    private final ChainAppender appender;
    private final AuditGroupCommit groupCommit;
    private final @Nullable EntityManagerFactory entities;

    public ChainedAuditTrail(ChainAppender appender, AuditGroupCommit groupCommit,
            ObjectProvider<EntityManagerFactory> entities) {
        this.appender = appender;
        this.groupCommit = groupCommit;
        this.entities = entities.getIfAvailable();
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(AuditRecord record) {
        flushPendingChanges();
        appender.append(List.of(record));
    }

    @Override
    public void recordCommitted(AuditRecord record) {
        groupCommit.commit(record);
    }

    @Override
    public <T> T commitAudited(AuditedChange<T> change) {
        return groupCommit.commit(change);
    }

    /** A read-only transaction keeps its manual flush mode: what it changed in memory is not meant to be stored. */
    private void flushPendingChanges() {
        if (entities == null || TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            return;
        }
        EntityManager current = EntityManagerFactoryUtils.getTransactionalEntityManager(entities);
        if (current != null) {
            current.flush();
        }
    }

    /** Waits for, then holds until the end of the current transaction, the right to append. */
    @Transactional(propagation = Propagation.MANDATORY)
    public AuditHead lockHead() {
        return appender.lockHead();
    }
}
