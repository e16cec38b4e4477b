package dev.gantry.access.internal.audit;

import dev.gantry.domain.audit.AuditRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Commits the entries of many waiting callers in one transaction.
 *
 * <p>With a database that writes every commit out before acknowledging it, the cost of an audited read is mostly
 * its commit, taken one at a time under the head-row lock. Here a single committer thread per node takes whatever
 * is queued (up to {@code maxBatch} entries), appends it under one head lock, commits once and only then releases
 * the callers. The committer numbers the entries, so their order is the order they were taken, and the chain stays
 * linear across nodes because every append still locks the head row.
 *
 * <p>Fail closed: a caller is released with success only after the commit; if a shared commit fails, each of its
 * entries is tried once more alone, so that one entry the database refuses fails only its own caller. The queue is
 * bounded (callers wait for room, then fail), a caller waits at most {@code maxWait}, and closing the context stops
 * taking entries, commits what is queued and only then stops the thread.
 */
@Component
public class AuditGroupCommit implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AuditGroupCommit.class);

    private final ChainAppender appender;
    private final TransactionTemplate transactions;
    private final BlockingQueue<Pending> queue;
    private final int maxBatch;
    private final Duration maxWait;
    private final Thread committer;
    private volatile boolean accepting = true;

    public AuditGroupCommit(ChainAppender appender, PlatformTransactionManager transactionManager,
            @Value("${gantry.audit.group-commit.max-batch:128}") int maxBatch,
            @Value("${gantry.audit.group-commit.queue-capacity:4096}") int queueCapacity,
            @Value("${gantry.audit.group-commit.max-wait:PT30S}") Duration maxWait) {
        if (maxBatch < 1 || queueCapacity < 1 || !maxWait.isPositive()) {
            throw new IllegalArgumentException("gantry.audit.group-commit: max-batch and queue-capacity must be at"
                    + " least 1 and max-wait positive");
        }
        this.appender = appender;
        this.transactions = new TransactionTemplate(transactionManager);
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.maxBatch = maxBatch;
        this.maxWait = maxWait;
        this.committer = Thread.ofPlatform().name("audit-group-commit").daemon().unstarted(this::run);
        this.committer.start();
    }

    /** Queues {@code record} and waits until it is committed. */
    public void commit(AuditRecord record) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("an audit entry committed on its own was requested inside a"
                    + " transaction: " + record.action());
        }
        var pending = new Pending(record, new CompletableFuture<>());
        long deadline = System.nanoTime() + maxWait.toNanos();
        try {
            if (!accepting || !queue.offer(pending, maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new IllegalStateException("the audit trail is not taking entries (" + (accepting
                        ? "its queue stayed full for " + maxWait : "shutting down") + "): " + record.action());
            }
            if (!accepting && !committer.isAlive()) {
                // Closed between the check and the offer, after the committer's last look at the queue.
                failLeftovers();
            }
            pending.done().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the audit entry was committed: " + record.action(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the audit entry was not committed within " + maxWait + ": "
                    + record.action(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the audit entry could not be committed: " + record.action(),
                    e.getCause());
        }
    }

    private void run() {
        var batch = new ArrayList<Pending>(maxBatch);
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

    private void commitBatch(List<Pending> batch) {
        try {
            transactions.executeWithoutResult(status -> appender.append(
                    batch.stream().map(Pending::record).toList()));
            batch.forEach(pending -> pending.done().complete(null));
        } catch (RuntimeException failure) {
            if (batch.size() == 1) {
                batch.getFirst().done().completeExceptionally(failure);
                return;
            }
            log.warn("an audit group commit of {} entries failed, committing them one by one: {}", batch.size(),
                    failure.toString());
            for (var pending : batch) {
                commitBatch(List.of(pending));
            }
        }
    }

    private void failLeftovers() {
        Pending left;
        while ((left = queue.poll()) != null) {
            left.done().completeExceptionally(new IllegalStateException("the audit trail shut down"));
        }
    }

    /** Stops taking entries, commits what is queued, then stops. */
    @Override
    public void destroy() throws InterruptedException {
        accepting = false;
        committer.join(maxWait.toMillis());
        if (committer.isAlive()) {
            committer.interrupt();
            committer.join(1000);
        }
        failLeftovers();
    }

    private record Pending(AuditRecord record, CompletableFuture<Void> done) {
    }
}
