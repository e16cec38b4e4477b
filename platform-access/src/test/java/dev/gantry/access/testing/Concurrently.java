package dev.gantry.access.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs the same call on several threads released at the same instant, to provoke races. */
public final class Concurrently {

    private Concurrently() {
    }

    public static <T> List<T> run(int threads, Callable<T> call) throws Exception {
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return call.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** What caller number {@code caller} does. */
    public interface Caller<T> {
        Callable<T> task(int caller);
    }

    /**
     * Starts {@code callers} different calls at the same instant and returns at once: their outcomes in caller
     * order, for a test that expects some of them to fail or has something to do while they run.
     */
    public static <T> List<Future<T>> start(int callers, Caller<T> caller) {
        CyclicBarrier start = new CyclicBarrier(callers);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            Callable<T> task = caller.task(i);
            futures.add(pool.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                return task.call();
            }));
        }
        pool.shutdown();
        return futures;
    }
}
