package dev.gantry.access.internal.audit;

import dev.gantry.domain.audit.AuditRecord;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends entries to the chain in the current transaction: one lock of the head row, one batch of inserts and one
 * head update however many entries there are, which is what makes a shared commit of many callers' entries cheap.
 */
@Component
public class ChainAppender {

    private static final String INSERT = """
            insert into access_audit_entry
                (seq, occurred_at, actor, action, target, outcome, details, prev_hash, hash)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ChainAppender(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Appends {@code records} in order, numbered and chained after the current head. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(List<AuditRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        var head = lockHead();
        var seq = head.lastSeq();
        var prevHash = head.lastHash();
        var rows = new ArrayList<Object[]>(records.size());
        for (var record : records) {
            seq++;
            var time = AuditChain.storable(clock.instant());
            var details = FlatJson.write(new TreeMap<>(record.details()));
            var outcome = record.outcome().name();
            var hash = AuditChain.hash(prevHash, seq, time, record.actor(), record.action(), record.target(),
                    outcome, details);
            rows.add(new Object[] {seq, OffsetDateTime.ofInstant(time, ZoneOffset.UTC), record.actor(),
                    record.action(), record.target(), outcome, details, prevHash, hash});
            prevHash = hash;
        }
        if (rows.size() == 1) {
            jdbc.update(INSERT, rows.getFirst());
        } else {
            jdbc.batchUpdate(INSERT, rows);
        }
        jdbc.update("update access_audit_head set last_seq = ?, last_hash = ? where id = 1", seq, prevHash);
    }

    /** Waits for, then holds until the end of the current transaction, the right to append. */
    @Transactional(propagation = Propagation.MANDATORY)
    public AuditHead lockHead() {
        // A bound parameter makes this a prepared statement, which the database keeps parsed; a plain statement
        // would be parsed again on every append, while the head is locked.
        return jdbc.query("select last_seq, last_hash from access_audit_head where id = ? for update",
                        (rs, n) -> new AuditHead(rs.getLong(1), rs.getString(2)), 1)
                .stream()
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "the audit head row is missing: the audit trail cannot be appended to"));
    }
}
