package dev.gantry.access;

import dev.gantry.access.internal.audit.AuditChain;
import dev.gantry.access.internal.audit.AuditEntryRow;
import dev.gantry.access.internal.audit.AuditRows;
import dev.gantry.access.testing.MutableClock;
import dev.gantry.domain.audit.AuditRecord;
import dev.gantry.domain.audit.AuditTrail;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A Spring context of the access module over a real database, an empty trail before every test, and the moves of
 * someone who can write to the database directly.
 */
@SpringBootTest(classes = AccessTestApplication.class)
@WithMockUser(username = "auditor", roles = "AUDITOR")
@DirtiesContext
abstract class AuditIntegrationTestSupport {

    static final Instant START = Instant.parse("2026-11-22T12:00:00Z");

    @TempDir
    static Path dataDir;

    @Autowired
    AuditTrail trail;
    @Autowired
    AuditRows rows;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    PlatformTransactionManager transactionManager;

    TransactionTemplate transactions;

    @DynamicPropertySource
    static void auditFiles(DynamicPropertyRegistry registry) {
        registry.add("gantry.audit.checkpoint-dir", () -> dataDir.resolve("audit").toString());
        registry.add("gantry.keys.dir", () -> dataDir.resolve("keys").toString());
        registry.add("spring.jpa.hibernate.ddl-auto", () -> "validate");
    }

    @BeforeEach
    void emptyTrail() throws IOException {
        transactions = new TransactionTemplate(transactionManager);
        jdbc.update("delete from access_audit_entry");
        jdbc.update("delete from access_audit_checkpoint");
        jdbc.update("update access_audit_head set last_seq = 0, last_hash = ? where id = 1", AuditChain.GENESIS_HASH);
        Files.deleteIfExists(checkpointFile());
        clock.set(START);
    }

    Path checkpointFile() {
        return dataDir.resolve("audit").resolve("audit-checkpoints.jsonl");
    }

    /** Appends {@code count} entries, each in its own transaction as real callers do. */
    void append(int count) {
        for (var i = 0; i < count; i++) {
            var n = rows.head().lastSeq() + 1;
            transactions.executeWithoutResult(status -> trail.record(
                    AuditRecord.success("alice", "user.updated", "user:u" + n, Map.of("n", Long.toString(n)))));
            clock.advance(Duration.ofSeconds(1));
        }
    }

    List<AuditEntryRow> stored() {
        return rows.chainPage(0, Long.MAX_VALUE, Integer.MAX_VALUE);
    }

    AuditEntryRow entry(long seq) {
        return rows.chainPage(seq - 1, seq, 1).getFirst();
    }

    long lastSeq() {
        return rows.head().lastSeq();
    }

    // What someone with write access to the database can do.

    void setAction(long seq, String action) {
        jdbc.update("update access_audit_entry set action = ? where seq = ?", action, seq);
    }

    /** Recomputes the hashes from {@code seq} on and moves the head, so the chain is consistent again. */
    void rechainFrom(long seq) {
        var previous = seq == 1 ? AuditChain.GENESIS_HASH : entry(seq - 1).hash();
        for (var row : rows.chainPage(seq - 1, Long.MAX_VALUE, Integer.MAX_VALUE)) {
            var rewritten = new AuditEntryRow(row.seq(), row.time(), row.actor(), row.action(), row.target(),
                    row.outcome(), row.details(), previous, "");
            var hash = rewritten.computeHash();
            jdbc.update("update access_audit_entry set prev_hash = ?, hash = ? where seq = ?",
                    previous, hash, row.seq());
            previous = hash;
        }
        resetHeadToNewestEntry();
    }

    void rehashOnly(long seq) {
        var row = entry(seq);
        jdbc.update("update access_audit_entry set hash = ? where seq = ?", row.computeHash(), seq);
    }

    void deleteNewest(int count) {
        jdbc.update("delete from access_audit_entry where seq > ?", lastSeq() - count);
    }

    void resetHeadToNewestEntry() {
        var newest = jdbc.queryForObject("select coalesce(max(seq), 0) from access_audit_entry", Long.class);
        var hash = newest == 0 ? AuditChain.GENESIS_HASH : entry(newest).hash();
        jdbc.update("update access_audit_head set last_seq = ?, last_hash = ? where id = 1", newest, hash);
    }

    /** Exchanges everything but the sequence numbers of two entries. */
    void swap(long a, long b) {
        var first = entry(a);
        var second = entry(b);
        overwrite(a, second);
        overwrite(b, first);
    }

    private void overwrite(long seq, AuditEntryRow with) {
        jdbc.update("""
                        update access_audit_entry set occurred_at = ?, actor = ?, action = ?, target = ?, outcome = ?,
                            details = ?, prev_hash = ?, hash = ? where seq = ?""",
                OffsetDateTime.ofInstant(with.time(), ZoneOffset.UTC), with.actor(), with.action(),
                with.target(), with.outcome(), with.details(), with.prevHash(), with.hash(), seq);
    }
}
