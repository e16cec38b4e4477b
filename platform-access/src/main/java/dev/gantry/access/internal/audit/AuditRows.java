package dev.gantry.access.internal.audit;

import dev.gantry.access.AuditCheckpoint;
import dev.gantry.access.AuditQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads stored entries page by page with keyset paging on {@code seq}, so a reader's memory stays bounded by one
 * page whatever the size of the trail, and no persistence context collects what was read.
 */
@Component
public class AuditRows {

    private static final String COLUMNS =
            "seq, occurred_at, actor, action, target, outcome, details, prev_hash, hash";

    private final JdbcClient jdbc;

    public AuditRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The head row as last committed, without locking it. */
    public AuditHead head() {
        return jdbc.sql("select last_seq, last_hash from access_audit_head where id = 1")
                .query((rs, n) -> new AuditHead(rs.getLong(1), rs.getString(2)))
                .optional()
                .orElseThrow(() -> new IllegalStateException("the audit head row is missing"));
    }

    /** The database's copies of the signed checkpoints, newest first; kept to notice a checkpoint file cut back. */
    public List<AuditCheckpoint> storedCheckpointsNewestFirst(int limit) {
        return jdbc.sql("select seq, hash, created_at, signature, key_id from access_audit_checkpoint"
                        + " order by seq desc limit ?")
                .param(limit)
                .query((rs, n) -> new AuditCheckpoint(rs.getLong(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4),
                        rs.getString(5)))
                .list();
    }

    public long maxSeq() {
        return jdbc.sql("select coalesce(max(seq), 0) from access_audit_entry").query(Long.class).single();
    }

    /** Entries with {@code afterSeq < seq <= upToSeq}, oldest first. */
    public List<AuditEntryRow> chainPage(long afterSeq, long upToSeq, int limit) {
        return jdbc.sql("select " + COLUMNS + " from access_audit_entry"
                        + " where seq > ? and seq <= ? order by seq limit ?")
                .params(afterSeq, upToSeq, limit)
                .query(AuditRows::row)
                .list();
    }

    /** Matching entries with {@code afterSeq < seq <= upToSeq}, oldest first. */
    public List<AuditEntryRow> matchingPage(AuditQuery query, long afterSeq, long upToSeq, int limit) {
        var filter = AuditFilter.of(query).and("seq > ? and seq <= ?", afterSeq, upToSeq);
        return jdbc.sql("select " + COLUMNS + " from access_audit_entry where " + filter.condition()
                        + " order by seq limit ?")
                .params(filter.params())
                .param(limit)
                .query(AuditRows::row)
                .list();
    }

    public List<AuditEntryRow> newestFirst(AuditQuery query, long offset, int limit) {
        var filter = AuditFilter.of(query);
        return jdbc.sql("select " + COLUMNS + " from access_audit_entry where " + filter.condition()
                        + " order by seq desc limit ? offset ?")
                .params(filter.params())
                .param(limit)
                .param(offset)
                .query(AuditRows::row)
                .list();
    }

    public long count(AuditQuery query) {
        var filter = AuditFilter.of(query);
        return jdbc.sql("select count(*) from access_audit_entry where " + filter.condition())
                .params(filter.params())
                .query(Long.class)
                .single();
    }

    private static AuditEntryRow row(ResultSet rs, int rowNum) throws SQLException {
        return new AuditEntryRow(
                rs.getLong("seq"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"),
                rs.getString("action"),
                rs.getString("target"),
                rs.getString("outcome"),
                rs.getString("details"),
                rs.getString("prev_hash"),
                rs.getString("hash"));
    }
}
