package dev.gantry.access.internal.audit;

import dev.gantry.domain.audit.AuditRecord;
import dev.gantry.domain.audit.Audited;
import dev.gantry.domain.audit.AuditedChange;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Commits the entries, and the changes, of many waiting callers in one transaction.
 *
 * <p>With a database that writes every commit out before acknowledging it, the cost of an audited read or write
 * is mostly its commit, taken one at a time under the head-row lock. Here a committer thread takes whatever is
 * queued (up to {@code maxBatch} items), makes each queued change under a savepoint of its own, appends all their
 * entries under one head lock, commits once and only then releases the callers. There are a few committers per node
 * ({@code committers}, 2): while one holds the head lock to append and commit, the next is already making the changes
 * of its batch, so the changes of many callers are not all made on one thread one after another. The committer numbers the
 * entries, so their order is the order they were taken, and the chain stays linear across nodes because every
 * append still locks the head row.
 *
 * <p>A change runs as its caller (the caller's security context is installed on the committer while it runs). After
 * it, the persistence context is flushed and emptied. If it throws, or is refused, the committer rolls back to its
 * savepoint and empties the persistence context unflushed, so that no entity it changed in memory is written later
 * with another caller's change; the other changes go on. If the
 * database has doomed the whole transaction instead (a constraint or lock failure marks a JPA transaction for
 * rollback), or a change could not take its locks (a deadlock with another batch, a lock timeout), the batch is
 * rolled back and every change made again alone.
 *
 * <p>Fail closed: a caller is released with success only after the commit; if a shared commit fails, each of its
 * items is tried once more alone, so that one entry the database refuses fails only its own caller. The queue is
 * bounded (callers wait for room, then fail), and a caller waits at most {@code maxWait} for its item to be started:
 * an item whose caller gave up is dropped, never made later behind its back, while a caller whose item a committer
 * has started waits for its outcome, since the change may still be using what the caller passed in. Closing the
 * context stops taking items, commits what is queued and only then stops the threads.
 */
@Component
public class AuditGroupCommit implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AuditGroupCommit.class);

    private final ChainAppender appender;
    private final TransactionTemplate transactions;
    private final DataSource dataSource;
    private final @Nullable EntityManagerFactory entities;
    private final BlockingQueue<Pending<?>> queue;
    private final int maxBatch;
    private final Duration maxWait;
    private final List<Thread> committers;
    private volatile boolean accepting = true;

    @Autowired
    AuditGroupCommit(ChainAppender appender, PlatformTransactionManager transactionManager, DataSource dataSource,
            ObjectProvider<EntityManagerFactory> entities,
            @Value("${gantry.audit.group-commit.committers:2}") int committers,
            @Value("${gantry.audit.group-commit.max-batch:128}") int maxBatch,
            @Value("${gantry.audit.group-commit.queue-capacity:4096}") int queueCapacity,
            @Value("${gantry.audit.group-commit.max-wait:PT30S}") Duration maxWait) {
        this(appender, transactionManager, dataSource, entities.getIfAvailable(), committers, maxBatch, queueCapacity,
                maxWait);
    }

    public AuditGroupCommit(ChainAppender appender, PlatformTransactionManager transactionManager,
            DataSource dataSource, @Nullable EntityManagerFactory entities, int committers, int maxBatch,
            int queueCapacity, Duration maxWait) {
        if (committers < 1 || maxBatch < 1 || queueCapacity < 1 || !maxWait.isPositive()) {
            throw new IllegalArgumentException("gantry.audit.group-commit: committers, max-batch and queue-capacity"
                    + " must be at least 1 and max-wait positive");
        }
        this.appender = appender;
        this.transactions = new TransactionTemplate(transactionManager);
        this.dataSource = dataSource;
        this.entities = entities;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.maxBatch = maxBatch;
        this.maxWait = maxWait;
        var threads = new ArrayList<Thread>(committers);
        for (int i = 1; i <= committers; i++) {
            var thread = Thread.ofPlatform().name("audit-group-commit-" + i).daemon().unstarted(this::run);
            threads.add(thread);
            thread.start();
        }
        this.committers = List.copyOf(threads);
    }

    /** Queues {@code record} and waits until it is committed. */
    public void commit(AuditRecord record) {
        submit(new EntryOnly(record), record.action());
    }

    /** Queues {@code change}, waits until it and its entries are committed, and returns its value. */
    public <T> T commit(AuditedChange<T> change) {
        return submit(change, "a change");
    }

    private <T> T submit(AuditedChange<T> change, String what) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("an audit entry committed on its own was requested inside a"
                    + " transaction: " + what);
        }
        var pending = new Pending<T>(change, SecurityContextHolder.getContext());
        long deadline = System.nanoTime() + maxWait.toNanos();
        try {
            if (!accepting || !queue.offer(pending, maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new IllegalStateException("the audit trail is not taking entries (" + (accepting
                        ? "its queue stayed full for " + maxWait : "shutting down") + "): " + what);
            }
            if (!accepting && committers.stream().noneMatch(Thread::isAlive)) {
                // Closed between the check and the offer, after the committer's last look at the queue.
                failLeftovers();
            }
            try {
                return pending.done().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                if (pending.abandon()) {
                    throw new IllegalStateException("the audit entry was not committed within " + maxWait + ": "
                            + what, e);
                }
                // A committer has already started on it and may still be using what the caller passed in (a
                // secret's value the caller wipes when this returns): its outcome is only moments away.
                return pending.done().get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the audit entry was committed: " + what, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ChangeFailed failed) {
                // The change's own failure (a conflict, a denial, a sealed vault): the caller's to handle as is.
                throw failed.failure();
            }
            throw new IllegalStateException("the audit entry could not be committed: " + what, e.getCause());
        }
    }

    private void run() {
        var batch = new ArrayList<Pending<?>>(maxBatch);
        while (accepting || !queue.isEmpty()) {
            try {
                var first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                commitBatch(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException | Error e) {
                // Never leave a caller waiting because the committer itself broke.
                batch.forEach(pending -> pending.done().completeExceptionally(e));
                log.error("audit group commit failed", e);
            } finally {
                batch.clear();
            }
        }
        failLeftovers();
    }

    private void commitBatch(List<Pending<?>> taken) {
        // A caller that gave up waiting before its item was started has gone: its item is dropped, not made.
        var batch = taken.stream().filter(Pending::start).toList();
        if (batch.isEmpty()) {
            return;
        }
        var outcomes = new ArrayList<Outcome>(batch.size());
        try {
            transactions.executeWithoutResult(status -> {
                outcomes.clear();
                var entries = new ArrayList<AuditRecord>();
                for (var pending : batch) {
                    var outcome = make(pending, status, batch.size() == 1);
                    outcomes.add(outcome);
                    entries.addAll(outcome.entries());
                }
                appender.append(entries);
            });
        } catch (RuntimeException failure) {
            if (batch.size() == 1) {
                batch.getFirst().done().completeExceptionally(failure);
                return;
            }
            log.warn("an audit group commit of {} items failed, committing them one by one: {}", batch.size(),
                    failure.toString());
            for (var pending : batch) {
                commitBatch(List.of(pending));
            }
            return;
        }
        for (var i = 0; i < batch.size(); i++) {
            outcomes.get(i).release(batch.get(i));
        }
    }

    /**
     * Makes one change under a savepoint, as its caller. Alone in its transaction, a change whose failure doomed
     * the transaction rolls it back (its caller gets the change's own failure); in a batch, it dooms the batch.
     */
    private Outcome make(Pending<?> pending, TransactionStatus status, boolean alone) {
        if (pending.change() instanceof EntryOnly entry) {
            // Nothing to undo, so no savepoint: a read's entry costs only its share of the append.
            return new Outcome(entry.apply(), null);
        }
        var connection = DataSourceUtils.getConnection(dataSource);
        var savepoint = savepoint(connection);
        var callers = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(pending.caller());
        try {
            Audited<?> audited = pending.change().apply();
            if (audited.refusal() == null) {
                flushAndForget();
                release(connection, savepoint);
                return new Outcome(audited, null);
            }
            undo(connection, savepoint);
            return new Outcome(audited, null);
        } catch (RuntimeException failure) {
            if (!alone && failure instanceof PessimisticLockingFailureException) {
                // A deadlock with the other committer's batch, or a lock wait that timed out: the locks this
                // batch holds may be the reason, so every change is made again alone rather than failed.
                throw new IllegalStateException("a change could not take its locks in a shared transaction",
                        failure);
            }
            if (status.isRollbackOnly()) {
                if (!alone) {
                    throw new IllegalStateException("a change doomed the shared transaction", failure);
                }
                status.setRollbackOnly();
                return new Outcome(null, failure);
            }
            undo(connection, savepoint);
            return new Outcome(null, failure);
        } finally {
            SecurityContextHolder.setContext(callers);
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * Writes out what the change left in the persistence context and empties it: the next change then neither
     * re-checks every entity of the batch so far at its flush, nor sees one of them other than as stored.
     */
    private void flushAndForget() {
        var current = currentEntityManager();
        if (current != null) {
            current.flush();
            current.clear();
        }
    }

    /** Rolls back to the savepoint and forgets entities in memory, which the rollback did not undo. */
    private void undo(Connection connection, Savepoint savepoint) {
        try {
            connection.rollback(savepoint);
        } catch (SQLException e) {
            throw new IllegalStateException("could not roll back to a savepoint", e);
        }
        var current = currentEntityManager();
        if (current != null) {
            current.clear();
        }
    }

    private @Nullable EntityManager currentEntityManager() {
        return entities == null ? null : EntityManagerFactoryUtils.getTransactionalEntityManager(entities);
    }

    private static Savepoint savepoint(Connection connection) {
        try {
            return connection.setSavepoint();
        } catch (SQLException e) {
            throw new IllegalStateException("could not set a savepoint", e);
        }
    }

    private static void release(Connection connection, Savepoint savepoint) {
        try {
            connection.releaseSavepoint(savepoint);
        } catch (SQLException e) {
            throw new IllegalStateException("could not release a savepoint", e);
        }
    }

    private void failLeftovers() {
        Pending<?> left;
        while ((left = queue.poll()) != null) {
            left.done().completeExceptionally(new IllegalStateException("the audit trail shut down"));
        }
    }

    /** Stops taking entries, commits what is queued, then stops. */
    @Override
    public void destroy() throws InterruptedException {
        accepting = false;
        long deadline = System.nanoTime() + maxWait.toNanos();
        for (var committer : committers) {
            committer.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
        for (var committer : committers) {
            if (committer.isAlive()) {
                committer.interrupt();
                committer.join(1000);
            }
        }
        failLeftovers();
    }

    private record Pending<T>(AuditedChange<T> change, SecurityContext caller, CompletableFuture<T> done,
            AtomicInteger state) {

        private static final int QUEUED = 0;
        private static final int STARTED = 1;
        private static final int ABANDONED = 2;

        Pending(AuditedChange<T> change, SecurityContext caller) {
            this(change, caller, new CompletableFuture<>(), new AtomicInteger(QUEUED));
        }

        /** True if the committer may make it: its caller has not given up (an item tried again is started). */
        boolean start() {
            return state.compareAndSet(QUEUED, STARTED) || state.get() == STARTED;
        }

        /** True if the caller may give up on it: no committer has started on it, and none will. */
        boolean abandon() {
            return state.compareAndSet(QUEUED, ABANDONED);
        }
    }

    /** An entry alone, with no change to make. */
    private record EntryOnly(AuditRecord record) implements AuditedChange<Void> {

        @Override
        public Audited<Void> apply() {
            return Audited.done(null, record);
        }
    }

    /** What a change came to in a transaction that then committed. */
    private record Outcome(@Nullable Audited<?> audited, @Nullable RuntimeException failure) {

        /** The entries to store: a change that threw leaves none, a refused one its own. */
        List<AuditRecord> entries() {
            return audited == null ? List.of() : audited.entries();
        }

        @SuppressWarnings("unchecked")
        <T> void release(Pending<T> pending) {
            if (failure != null) {
                pending.done().completeExceptionally(new ChangeFailed(failure));
            } else if (audited != null && audited.refusal() != null) {
                pending.done().completeExceptionally(new ChangeFailed(audited.refusal()));
            } else {
                pending.done().complete(audited == null ? null : (T) audited.valueOrThrow());
            }
        }
    }

    /** Carries a change's own failure to its caller, apart from failures to commit. */
    private static final class ChangeFailed extends RuntimeException {

        private final RuntimeException failure;

        ChangeFailed(RuntimeException failure) {
            super(null, null, false, false);
            this.failure = failure;
        }

        RuntimeException failure() {
            return failure;
        }
    }
}
