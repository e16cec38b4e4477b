package dev.gantry.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.access.internal.audit.AuditChain;
import dev.gantry.access.internal.audit.AuditEntryRow;
import dev.gantry.access.internal.audit.AuditGroupCommit;
import dev.gantry.access.internal.audit.ChainAppender;
import dev.gantry.domain.audit.AuditRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Entries committed on their own, many callers' at a time: each before its caller goes on, none lost or doubled. */
abstract class AuditGroupCommitIntegrationTests extends AuditIntegrationTestSupport {

    @Autowired
    AuditVerifier verifier;
    @Autowired
    ChainAppender appender;

    @Test
    void manyConcurrentCallersEachGetExactlyOneEntryAndTheChainHasNoGaps() throws Exception {
        var threads = 16;
        var each = 25;
        var results = concurrently(threads, caller -> () -> {
            for (var i = 0; i < each; i++) {
                trail.recordCommitted(AuditRecord.success("reader-" + caller, "secret.read", "item:" + caller + "-" + i));
            }
            return null;
        });
        for (var result : results) {
            result.get(5, TimeUnit.MINUTES);
        }

        var total = threads * each;
        var entries = stored();
        assertThat(entries).extracting(AuditEntryRow::seq)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
        assertThat(entries).extracting(AuditEntryRow::target).doesNotHaveDuplicates().hasSize(total);
        assertThat(verifier.verify()).isInstanceOfSatisfying(AuditVerification.Intact.class,
                intact -> assertThat(intact.lastSeq()).isEqualTo(total));
    }

    @Test
    void anEntryIsCommittedBeforeItsCallerGoesOn() {
        trail.recordCommitted(AuditRecord.success("alice", "secret.read", "item:1"));

        // A statement of its own, on whichever pooled connection: it sees only committed rows.
        assertThat(jdbc.queryForObject("select count(*) from access_audit_entry where target = 'item:1'",
                Long.class)).isEqualTo(1);
        assertThat(rows.head().lastSeq()).isEqualTo(1);
    }

    @Test
    void insideATransactionTheCallIsRefusedRatherThanWaitingOnItsOwnLock() {
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            trail.record(AuditRecord.success("alice", "user.updated", "user:u1"));
            trail.recordCommitted(AuditRecord.success("alice", "secret.read", "item:1"));
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("inside a transaction");

        assertThat(stored()).isEmpty();
    }

    @Test
    void whenTheTrailCannotBeAppendedToEveryWaitingCallerFailsAndNothingIsStored() throws Exception {
        jdbc.update("delete from access_audit_head");
        try {
            var results = concurrently(8, caller -> () -> {
                trail.recordCommitted(AuditRecord.success("reader-" + caller, "secret.read", "item:" + caller));
                return null;
            });
            for (var result : results) {
                assertThatThrownBy(() -> result.get(1, TimeUnit.MINUTES))
                        .isInstanceOf(ExecutionException.class)
                        .cause().isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("could not be committed");
            }
        } finally {
            jdbc.update("insert into access_audit_head (id, last_seq, last_hash) values (1, 0, ?)",
                    AuditChain.GENESIS_HASH);
        }
        assertThat(stored()).isEmpty();
    }

    @Test
    void anEntryTheDatabaseRefusesFailsOnlyItsOwnCaller() throws Exception {
        var tooLong = Map.of("note", "x".repeat(5000));
        var results = concurrently(8, caller -> () -> {
            trail.recordCommitted(AuditRecord.success("reader-" + caller, "secret.read", "item:" + caller,
                    caller == 3 ? tooLong : Map.of()));
            return null;
        });

        for (var caller = 0; caller < results.size(); caller++) {
            var result = results.get(caller);
            if (caller == 3) {
                assertThatThrownBy(() -> result.get(1, TimeUnit.MINUTES)).isInstanceOf(ExecutionException.class);
            } else {
                result.get(1, TimeUnit.MINUTES);
            }
        }
        assertThat(stored()).extracting(AuditEntryRow::target).hasSize(7).doesNotContain("item:3");
        assertThat(verifier.verify()).isInstanceOf(AuditVerification.Intact.class);
    }

    @Test
    void closingCommitsWhatIsQueuedBeforeStoppingAndThenRefusesNewEntries() throws Exception {
        var groupCommit = new AuditGroupCommit(appender, transactionManager, 4, 100, Duration.ofSeconds(30));
        var callers = 12;
        var queued = new CountDownLatch(callers);
        var headLocked = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var holder = Executors.newSingleThreadExecutor();
        // Holding the head row keeps the committer busy with its first batch while the others queue up.
        var held = holder.submit(() -> transactions.executeWithoutResult(status -> {
            appender.lockHead();
            headLocked.countDown();
            await(release);
        }));
        headLocked.await();
        var results = concurrently(callers, caller -> () -> {
            queued.countDown();
            groupCommit.commit(AuditRecord.success("reader-" + caller, "secret.read", "item:" + caller));
            return null;
        });
        queued.await();
        Thread.sleep(200);

        var closing = Executors.newSingleThreadExecutor().submit(() -> {
            groupCommit.destroy();
            return null;
        });
        Thread.sleep(100);
        release.countDown();
        held.get(1, TimeUnit.MINUTES);
        closing.get(1, TimeUnit.MINUTES);
        holder.shutdown();

        for (var result : results) {
            result.get(1, TimeUnit.MINUTES);
        }
        assertThat(stored()).hasSize(callers);
        assertThatThrownBy(() -> groupCommit.commit(AuditRecord.success("late", "secret.read", "item:late")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("shutting down");
    }

    private interface Caller {
        Callable<Void> task(int caller);
    }

    private static List<Future<Void>> concurrently(int callers, Caller caller) {
        var pool = Executors.newFixedThreadPool(callers);
        var start = new CountDownLatch(1);
        var results = new ArrayList<Future<Void>>();
        for (var i = 0; i < callers; i++) {
            var task = caller.task(i);
            results.add(pool.submit(() -> {
                start.await();
                return task.call();
            }));
        }
        start.countDown();
        pool.shutdown();
        return results;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
