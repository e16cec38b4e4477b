package dev.gantry.bench;

import dev.gantry.domain.audit.AuditRecord;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;

/** The baseline: rows shaped like audit entries in a plain table with no chain, no head row and no extra index. */
final class PlainRows {

    static final String INSERT = """
            insert into bench_plain_entry (seq, occurred_at, actor, action, target, outcome, details, prev_hash, hash)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static final String HASH = "0123456789abcdef".repeat(4);

    private final AtomicLong seq = new AtomicLong();

    PlainRows(JdbcTemplate jdbc) {
        jdbc.execute("""
                create table bench_plain_entry (
                    seq bigint not null primary key, occurred_at timestamp with time zone not null,
                    actor varchar(255) not null, action varchar(255) not null, target varchar(255) not null,
                    outcome varchar(16) not null, details varchar(4000) not null, prev_hash varchar(64) not null,
                    hash varchar(64) not null)""");
    }

    Object[] row(AuditRecord record) {
        return new Object[] {seq.incrementAndGet(), OffsetDateTime.now(ZoneOffset.UTC), record.actor(),
                record.action(), record.target(), record.outcome().name(),
                "{\"environment\":\"PRODUCTION\",\"version\":\"" + record.details().get("version") + "\"}", HASH, HASH};
    }
}
