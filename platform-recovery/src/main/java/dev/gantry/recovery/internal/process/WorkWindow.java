package dev.gantry.recovery.internal.process;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A time limit on work that runs processes and SQL: when it runs out, every tracked process (with its descendants)
 * is killed, every tracked statement cancelled and the worker interrupted, so nothing keeps running past it.
 */
public final class WorkWindow {

    private final Duration limit;
    private final Set<Process> processes = ConcurrentHashMap.newKeySet();
    private final Set<Statement> statements = ConcurrentHashMap.newKeySet();
    private volatile boolean expired;

    public WorkWindow(Duration limit) {
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("a window must be positive");
        }
        this.limit = limit;
    }

    public Duration limit() {
        return limit;
    }

    public boolean expired() {
        return expired;
    }

    void track(Process process) {
        processes.add(process);
        if (expired) {
            ChildProcess.killTree(process.toHandle());
        }
    }

    void untrack(Process process) {
        processes.remove(process);
    }

    public void track(Statement statement) {
        statements.add(statement);
    }

    public void untrack(Statement statement) {
        statements.remove(statement);
    }

    /**
     * Runs {@code work} on its own thread and waits at most the limit.
     *
     * @throws TimeoutException when the limit ran out; by then the work's processes are dead and its thread has
     *                          stopped (or was given ten seconds to)
     * @throws ExecutionException with what the work threw
     */
    public <T> T run(Callable<T> work) throws TimeoutException, ExecutionException, InterruptedException {
        var task = new FutureTask<>(work);
        Thread worker = Thread.ofPlatform().name("recovery-window").daemon().start(task);
        try {
            return task.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            expire(worker);
            throw e;
        } catch (InterruptedException e) {
            expire(worker);
            throw e;
        }
    }

    private void expire(Thread worker) throws InterruptedException {
        expired = true;
        for (Statement statement : statements) {
            try {
                statement.cancel();
            } catch (SQLException e) {
                // The statement may have finished meanwhile; the interrupt below still stops the worker.
            }
        }
        processes.forEach(p -> ChildProcess.killTree(p.toHandle()));
        worker.interrupt();
        worker.join(Duration.ofSeconds(10));
    }
}
