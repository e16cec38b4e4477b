package dev.gantry.access.internal.audit;

import dev.gantry.domain.audit.AuditRecord;
import dev.gantry.domain.audit.AuditTrail;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends hash-chained entries in the caller's transaction.
 *
 * <p>Each append locks the single head row ({@code SELECT ... FOR UPDATE}) and keeps the lock until the caller
 * commits or rolls back. That is what keeps the chain linear and gap-free across threads and nodes; the price is
 * that auditing transactions run one at a time from their first append to their end, so callers should append
 * late and keep such transactions short. A rolled-back transaction takes its entries and head update with it.
 *
 * <p>Plain JDBC rather than entities: rows are only ever inserted, and the statements share the connection of the
 * surrounding JPA or JDBC transaction, so a failed insert fails the caller's change.
 */
@Component
public class ChainedAuditTrail implements AuditTrail {

    private final JdbcClient jdbc;
    private final Clock clock;

    public ChainedAuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(AuditRecord record) {
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
