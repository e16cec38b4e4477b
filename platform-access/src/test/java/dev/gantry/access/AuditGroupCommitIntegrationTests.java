package dev.gantry.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.access.internal.audit.AuditChain;
import dev.gantry.access.internal.audit.AuditEntryRow;
import dev.gantry.access.internal.audit.AuditGroupCommit;
import dev.gantry.access.internal.audit.ChainAppender;
import dev.gantry.access.testing.Concurrently;
import dev.gantry.domain.audit.AuditRecord;
import dev.gantry.domain.audit.Audited;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/** Entries committed on their own, many callers' at a time: each before its caller goes on, none lost or doubled. */
abstract class AuditGroupCommitIntegrationTests extends AuditIntegrationTestSupport {

    @Autowired
    AuditVerifier verifier;
    @Autowired
    ChainAppender appender;
    @Autowired
    ObjectProvider<EntityManagerFactory> entities;
    @PersistenceContext
    EntityManager entityManager;

    @Test
    void manyConcurrentCallersEachGetExactlyOneEntryAndTheChainHasNoGaps() throws Exception {
        var threads = 16;
        var each = 25;
        var results = Concurrently.start(threads, caller -> () -> {
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
        everyCallerFailsWithoutTheHeadRow(() -> Concurrently.start(8, caller -> () -> {
            trail.recordCommitted(AuditRecord.success("reader-" + caller, "secret.read", "item:" + caller));
            return null;
        }));
        assertThat(stored()).isEmpty();
    }

    @Test
    void anEntryTheDatabaseRefusesFailsOnlyItsOwnCaller() throws Exception {
        var tooLong = Map.of("note", "x".repeat(5000));
        var results = Concurrently.start(8, caller -> () -> {
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
        var groupCommit = new AuditGroupCommit(appender, transactionManager, jdbc.getDataSource(),
                entities.getIfAvailable(), 1, 4, 100, Duration.ofSeconds(30));
        var callers = 12;
        var queued = new CountDownLatch(callers);
        // Holding the head row keeps the committer busy with its first batch while the others queue up.
        var head = HeldHead.hold(transactions, appender);
        var results = Concurrently.start(callers, caller -> () -> {
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
        head.release();
        closing.get(1, TimeUnit.MINUTES);

        for (var result : results) {
            result.get(1, TimeUnit.MINUTES);
        }
        assertThat(stored()).hasSize(callers);
        assertThatThrownBy(() -> groupCommit.commit(AuditRecord.success("late", "secret.read", "item:late")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("shutting down");
    }

    @Test
    void concurrentChangesCommitWithTheirEntriesAndOneThatThrowsIsUndoneAlone() throws Exception {
        var results = Concurrently.start(8, caller -> () -> trail.commitAudited(() -> {
            jdbc.update("insert into audit_probe (id) values (?)", "row-" + caller);
            if (caller == 3) {
                throw new IllegalArgumentException("caller 3 changed its mind");
            }
            return Audited.done("made-" + caller, AuditRecord.success("writer-" + caller, "probe.written",
                    "probe:" + caller));
        }));

        for (var caller = 0; caller < results.size(); caller++) {
            var result = results.get(caller);
            if (caller == 3) {
                assertThatThrownBy(() -> result.get(1, TimeUnit.MINUTES)).cause()
                        .isInstanceOf(IllegalArgumentException.class).hasMessage("caller 3 changed its mind");
            } else {
                assertThat(result.get(1, TimeUnit.MINUTES)).isEqualTo("made-" + caller);
            }
        }
        assertThat(probeRows()).hasSize(7).doesNotContain("row-3");
        assertThat(stored()).extracting(AuditEntryRow::target).hasSize(7).doesNotContain("probe:3");
        assertThat(verifier.verify()).isInstanceOf(AuditVerification.Intact.class);
    }

    @Test
    void aRefusedChangeIsUndoneWhileItsEntryIsStored() {
        assertThatThrownBy(() -> trail.commitAudited(() -> {
            jdbc.update("insert into audit_probe (id) values ('refused')");
            return Audited.refused(new IllegalStateException("not yours to change"),
                    AuditRecord.denied("mallory", "probe.written", "probe:refused", "no grant"));
        })).isInstanceOf(IllegalStateException.class).hasMessage("not yours to change");

        assertThat(probeRows()).isEmpty();
        assertThat(stored()).singleElement().satisfies(entry -> {
            assertThat(entry.target()).isEqualTo("probe:refused");
            assertThat(entry.outcome()).isEqualTo("DENIED");
        });
    }

    @Test
    void aChangeThatDoomsTheSharedTransactionIsMadeAgainAloneAndFailsOnlyItsOwnCaller() throws Exception {
        jdbc.update("insert into audit_probe (id) values ('taken')");
        var results = inOneBatch(8, caller -> () -> trail.commitAudited(() -> {
            // Through JPA, a constraint violation marks the whole transaction for rollback, not just a statement.
            entityManager.createNativeQuery("insert into audit_probe (id) values (?)")
                    .setParameter(1, caller == 5 ? "taken" : "row-" + caller)
                    .executeUpdate();
            return Audited.done(caller, AuditRecord.success("writer-" + caller, "probe.written", "probe:" + caller));
        }));

        for (var caller = 0; caller < results.size(); caller++) {
            var result = results.get(caller);
            if (caller == 5) {
                assertThatThrownBy(() -> result.get(1, TimeUnit.MINUTES)).isInstanceOf(ExecutionException.class);
            } else {
                assertThat(result.get(1, TimeUnit.MINUTES)).isEqualTo(caller);
            }
        }
        assertThat(probeRows()).hasSize(8).contains("taken").doesNotContain("row-5");
        assertThat(stored()).filteredOn(entry -> entry.action().equals("probe.written"))
                .extracting(AuditEntryRow::target).hasSize(7).doesNotContain("probe:5");
        assertThat(verifier.verify()).isInstanceOf(AuditVerification.Intact.class);
    }

    @Test
    void aChangeThatCannotTakeItsLocksInABatchIsMadeAgainAloneAndSucceeds() throws Exception {
        var lockFailures = new AtomicInteger();
        var results = inOneBatch(6, caller -> () -> trail.commitAudited(() -> {
            // The whole batch is undone before the retry, or the retry's insert would hit the primary key.
            jdbc.update("insert into audit_probe (id) values (?)", "row-" + caller);
            if (caller == 2 && lockFailures.getAndIncrement() == 0) {
                // What the JDBC layer throws when the database picks this change to break a deadlock.
                throw new CannotAcquireLockException("deadlock detected");
            }
            return Audited.done(caller, AuditRecord.success("writer-" + caller, "probe.written", "probe:" + caller));
        }));

        for (var caller = 0; caller < results.size(); caller++) {
            assertThat(results.get(caller).get(1, TimeUnit.MINUTES)).isEqualTo(caller);
        }
        assertThat(lockFailures).hasValue(2);
        assertThat(probeRows()).hasSize(6);
        assertThat(stored()).filteredOn(entry -> entry.action().equals("probe.written"))
                .extracting(AuditEntryRow::target).hasSize(6).doesNotHaveDuplicates();
        assertThat(verifier.verify()).isInstanceOf(AuditVerification.Intact.class);
    }

    @Test
    void aChangeIsMadeAsItsCallerThoughAnotherThreadMakesIt() throws Exception {
        var results = Concurrently.start(6, caller -> () -> {
            SecurityContextHolder.getContext().setAuthentication(
                    new TestingAuthenticationToken("user-" + caller, "n/a", "ROLE_USER"));
            try {
                return trail.commitAudited(() -> {
                    var name = SecurityContextHolder.getContext().getAuthentication().getName();
                    return Audited.done(name, AuditRecord.success(name, "probe.written", "probe:" + caller));
                });
            } finally {
                SecurityContextHolder.clearContext();
            }
        });

        for (var caller = 0; caller < results.size(); caller++) {
            assertThat(results.get(caller).get(1, TimeUnit.MINUTES)).isEqualTo("user-" + caller);
        }
        assertThat(stored()).allSatisfy(entry ->
                assertThat(entry.target()).isEqualTo("probe:" + entry.actor().substring("user-".length())));
    }

    @Test
    void whenTheTrailCannotBeAppendedToNoChangeIsStoredEither() throws Exception {
        everyCallerFailsWithoutTheHeadRow(() -> Concurrently.start(6, caller -> () -> trail.commitAudited(() -> {
            jdbc.update("insert into audit_probe (id) values (?)", "row-" + caller);
            return Audited.done(caller, AuditRecord.success("writer-" + caller, "probe.written", "probe:" + caller));
        })));
        assertThat(probeRows()).isEmpty();
        assertThat(stored()).isEmpty();
    }

    @Test
    void aChangeInsideATransactionIsRefusedRatherThanWaitingOnItsOwnLock() {
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> trail.commitAudited(
                () -> Audited.done(1, AuditRecord.success("alice", "probe.written", "probe:1")))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("inside a transaction");
    }

    @Test
    void aChangeWhoseCallerGaveUpBeforeItStartedIsNeverMade() throws Exception {
        var groupCommit = new AuditGroupCommit(appender, transactionManager, jdbc.getDataSource(),
                entities.getIfAvailable(), 1, 4, 100, Duration.ofMillis(300));
        // The committer's first batch waits for the head row, so the change behind it is not started in time.
        var head = HeldHead.hold(transactions, appender);
        var first = Executors.newSingleThreadExecutor().submit(() -> {
            groupCommit.commit(AuditRecord.success("first", "secret.read", "item:first"));
            return null;
        });
        Thread.sleep(100);
        try {
            assertThatThrownBy(() -> groupCommit.commit(() -> {
                jdbc.update("insert into audit_probe (id) values ('late')");
                return Audited.done(1, AuditRecord.success("late", "probe.written", "probe:late"));
            })).isInstanceOf(IllegalStateException.class).hasMessageContaining("not committed within");
        } finally {
            head.release();
        }
        try {
            first.get(1, TimeUnit.MINUTES);
        } catch (ExecutionException gaveUpToo) {
            // The first caller may have given up as well; only what happens to the second matters here.
        }
        groupCommit.destroy();

        assertThat(probeRows()).isEmpty();
        assertThat(stored()).extracting(AuditEntryRow::target).doesNotContain("probe:late");
    }

    @BeforeEach
    void emptyProbeTable() {
        jdbc.execute("create table if not exists audit_probe (id varchar(64) primary key)");
        jdbc.update("delete from audit_probe");
    }

    /**
     * Removes the head row, so nothing can be appended, starts the callers, checks that each of them fails for that
     * reason, and puts the row back.
     */
    private <T> void everyCallerFailsWithoutTheHeadRow(Supplier<List<Future<T>>> callers) throws Exception {
        jdbc.update("delete from access_audit_head");
        try {
            for (var result : callers.get()) {
                assertThatThrownBy(() -> result.get(1, TimeUnit.MINUTES))
                        .isInstanceOf(ExecutionException.class)
                        .cause().isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("could not be committed");
            }
        } finally {
            jdbc.update("insert into access_audit_head (id, last_seq, last_hash) values (1, 0, ?)",
                    AuditChain.GENESIS_HASH);
        }
    }

    private List<String> probeRows() {
        return jdbc.queryForList("select id from audit_probe order by id", String.class);
    }

    /**
     * Runs the callers while the committer is held up by an earlier item, so that they queue and are taken as one
     * batch.
     */
    private <T> List<Future<T>> inOneBatch(int callers, Concurrently.Caller<T> caller) throws Exception {
        var head = HeldHead.hold(transactions, appender);
        var first = Executors.newSingleThreadExecutor().submit(() -> {
            trail.recordCommitted(AuditRecord.success("first", "secret.read", "item:first"));
            return null;
        });
        Thread.sleep(200);
        var results = Concurrently.start(callers, caller);
        Thread.sleep(300);
        head.release();
        first.get(1, TimeUnit.MINUTES);
        return results;
    }

    /** The audit head row, locked by a transaction of its own until released: committers wait behind it. */
    private record HeldHead(CountDownLatch releasing, Future<?> held, ExecutorService holder) {

        static HeldHead hold(TransactionTemplate transactions, ChainAppender appender) throws InterruptedException {
            var locked = new CountDownLatch(1);
            var release = new CountDownLatch(1);
            var holder = Executors.newSingleThreadExecutor();
            var held = holder.submit(() -> transactions.executeWithoutResult(status -> {
                appender.lockHead();
                locked.countDown();
                await(release);
            }));
            locked.await();
            return new HeldHead(release, held, holder);
        }

        void release() throws Exception {
            releasing.countDown();
            held.get(1, TimeUnit.MINUTES);
            holder.shutdown();
        }
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
