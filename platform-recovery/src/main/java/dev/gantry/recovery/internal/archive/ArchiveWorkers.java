package dev.gantry.recovery.internal.archive;

import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that compress, seal, open and decompress chunks for every archive in this JVM, so that a backup or
 * restore uses more than the caller's core. Chunks are independent (each is compressed and sealed on its own), so
 * any worker can take any chunk; the archive classes put the results back in order.
 *
 * <p>One shared pool rather than threads per archive: an archive that is abandoned (a failed backup that is never
 * closed) leaves nothing running, tasks never block, and each worker owns one zstd context of each kind for its
 * whole life, so native memory is bounded by the pool size and no context is ever leaked.
 */
final class ArchiveWorkers {

    /** zstd level 3 runs at about 360 MB/s per core here; more than four workers only wait for the caller's hashing. */
    static final int THREADS = Math.clamp(Runtime.getRuntime().availableProcessors(), 1, 4);
    /** Chunks in flight per archive: one per worker, one being filled or drained by the caller, one spare. */
    static final int IN_FLIGHT = THREADS + 2;

    private ArchiveWorkers() {
    }

    static ExecutorService pool() {
        return Holder.POOL;
    }

    /** The zstd contexts of the worker running the current task. */
    static Worker current() {
        if (Thread.currentThread() instanceof Worker worker) {
            return worker;
        }
        throw new IllegalStateException("not on an archive worker thread");
    }

    static final class Worker extends Thread {
        final ZstdCompressCtx compress = new ZstdCompressCtx().setLevel(ArchiveWriter.ZSTD_LEVEL);
        final ZstdDecompressCtx decompress = new ZstdDecompressCtx();

        Worker(Runnable task, String name) {
            super(task, name);
            setDaemon(true);
        }

        @Override
        public void run() {
            try {
                super.run();
            } finally {
                compress.close();
                decompress.close();
            }
        }
    }

    private static final class Holder {
        private static final AtomicInteger COUNT = new AtomicInteger();
        /** Core threads never time out: the pool keeps its few zstd contexts instead of making new ones. */
        static final ExecutorService POOL = new ThreadPoolExecutor(THREADS, THREADS, 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> new Worker(task, "gantry-archive-worker-" + COUNT.incrementAndGet()));
    }
}
