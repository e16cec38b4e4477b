package dev.gantry.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.access.internal.audit.AuditChain;
import dev.gantry.access.internal.audit.AuditEntryRow;
import dev.gantry.domain.audit.AuditRecord;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;

/** Appending: numbering, chaining, and sharing the fate of the caller's transaction. */
abstract class AuditTrailIntegrationTests extends AuditIntegrationTestSupport {

    @Autowired
    EntityManager entityManager;
    @Autowired
    AuditVerifier verifier;

    @BeforeEach
    void callersTable() {
        jdbc.execute("create table if not exists audit_test_change (id varchar(36) primary key, note varchar(100))");
        jdbc.update("delete from audit_test_change");
    }

    @Test
    void entriesAreNumberedFromOneAndEachIsChainedToTheOneBefore() {
        transactions.executeWithoutResult(status -> {
            trail.record(AuditRecord.success("alice", "user.created", "user:bob", Map.of("z", "last", "a", "first")));
            trail.record(AuditRecord.denied("bob", "token.created", "token:t1", "missing role"));
        });
        clock.advance(Duration.ofMinutes(5));
        trail.record(AuditRecord.success("system:job", "drill.started", "drill:d1"));

        var entries = stored();
        assertThat(entries).extracting(AuditEntryRow::seq).containsExactly(1L, 2L, 3L);
        assertThat(entries.get(0).prevHash()).isEqualTo(AuditChain.GENESIS_HASH);
        assertThat(entries.get(1).prevHash()).isEqualTo(entries.get(0).hash());
        assertThat(entries.get(2).prevHash()).isEqualTo(entries.get(1).hash());
        assertThat(entries).allSatisfy(entry -> assertThat(entry.computeHash()).isEqualTo(entry.hash()));
        assertThat(entries.get(0).details()).isEqualTo("{\"a\":\"first\",\"z\":\"last\"}");
        assertThat(entries.get(1).outcome()).isEqualTo("DENIED");
        assertThat(entries.get(0).time()).isEqualTo(START);
        assertThat(entries.get(2).time()).isEqualTo(START.plusSeconds(300));
        assertThat(rows.head().lastSeq()).isEqualTo(3);
        assertThat(rows.head().lastHash()).isEqualTo(entries.get(2).hash());
    }

    @Test
    void anEntryCommitsWithTheChangeItRecords() {
        var id = UUID.randomUUID().toString();

        transactions.executeWithoutResult(status -> {
            changeSomething(id);
            trail.record(AuditRecord.success("alice", "note.created", "note:" + id));
        });

        assertThat(changeExists(id)).isTrue();
        assertThat(stored()).singleElement().extracting(AuditEntryRow::target).isEqualTo("note:" + id);
    }

    @Test
    void aRolledBackChangeLeavesNoEntryAndNoGap() {
        var id = UUID.randomUUID().toString();

        transactions.executeWithoutResult(status -> {
            changeSomething(id);
            trail.record(AuditRecord.success("alice", "note.created", "note:" + id));
            status.setRollbackOnly();
        });
        trail.record(AuditRecord.success("alice", "note.viewed", "note:other"));

        assertThat(changeExists(id)).isFalse();
        assertThat(stored()).singleElement().satisfies(entry -> {
            assertThat(entry.seq()).isEqualTo(1);
            assertThat(entry.action()).isEqualTo("note.viewed");
        });
    }

    @Test
    void anEntryTheDatabaseRefusesFailsTheChangeItWasToRecord() {
        var id = UUID.randomUUID().toString();
        var tooLong = Map.of("note", "x".repeat(5000));

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            changeSomething(id);
            trail.record(AuditRecord.success("alice", "note.created", "note:" + id, tooLong));
        })).isInstanceOf(DataAccessException.class);

        assertThat(changeExists(id)).isFalse();
        assertThat(stored()).isEmpty();
        assertThat(rows.head().lastSeq()).isZero();
    }

    @Test
    void concurrentWritersNeverForkTheChainNorLeaveGaps() throws Exception {
        var threads = 8;
        var appendsEach = 200;
        var pool = Executors.newFixedThreadPool(threads);
        var start = new CountDownLatch(1);
        var done = new ArrayList<Future<?>>();
        for (var t = 0; t < threads; t++) {
            var writer = "writer-" + t;
            done.add(pool.submit(() -> {
                start.await();
                for (var i = 0; i < appendsEach; i++) {
                    var n = i;
                    transactions.executeWithoutResult(status -> trail.record(
                            AuditRecord.success(writer, "load.append", "item:" + n)));
                }
                return null;
            }));
        }
        start.countDown();
        for (var future : done) {
            future.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();

        var total = threads * appendsEach;
        assertThat(stored()).extracting(AuditEntryRow::seq)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
        assertThat(verifier.verify()).isInstanceOfSatisfying(AuditVerification.Intact.class, intact -> {
            assertThat(intact.entries()).isEqualTo(total);
            assertThat(intact.lastSeq()).isEqualTo(total);
        });
    }

    private void changeSomething(String id) {
        // Through JPA, as feature services change their state: the entry must share its transaction.
        entityManager.createNativeQuery("insert into audit_test_change (id, note) values (?, ?)")
                .setParameter(1, id)
                .setParameter(2, "the change being audited")
                .executeUpdate();
    }

    private boolean changeExists(String id) {
        return jdbc.queryForObject("select count(*) from audit_test_change where id = ?", Long.class, id) == 1;
    }
}
