package dev.gantry.access.internal.audit;

import dev.gantry.domain.audit.AuditRecord;
import dev.gantry.domain.audit.AuditTrail;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
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
 * <p>Plain JDBC rather than entities: rows are only ever inserted, and the statements share the connection of the
 * surrounding JPA or JDBC transaction, so a failed insert fails the caller's change.
 */
@Component
public class ChainedAuditTrail implements AuditTrail {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final @Nullable EntityManagerFactory entities;

    public ChainedAuditTrail(JdbcClient jdbc, Clock clock, ObjectProvider<EntityManagerFactory> entities) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.entities = entities.getIfAvailable();
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(AuditRecord record) {
        flushPendingChanges();
        var head = lockHead();
        var seq = head.lastSeq() + 1;
        var time = AuditChain.storable(clock.instant());
        var details = FlatJson.write(new TreeMap<>(record.details()));
        var outcome = record.outcome().name();
        var hash = AuditChain.hash(head.lastHash(), seq, time, record.actor(), record.action(), record.target(),
                outcome, details);
        jdbc.sql("""
                        insert into access_audit_entry
                            (seq, occurred_at, actor, action, target, outcome, details, prev_hash, hash)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(seq, OffsetDateTime.ofInstant(time, ZoneOffset.UTC), record.actor(), record.action(),
                        record.target(), outcome, details, head.lastHash(), hash)
                .update();
        jdbc.sql("update access_audit_head set last_seq = ?, last_hash = ? where id = 1")
                .params(seq, hash)
                .update();
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
        return jdbc.sql("select last_seq, last_hash from access_audit_head where id = 1 for update")
                .query((rs, n) -> new AuditHead(rs.getLong(1), rs.getString(2)))
                .optional()
                .orElseThrow(() -> new IllegalStateException(
                        "the audit head row is missing: the audit trail cannot be appended to"));
    }
}
