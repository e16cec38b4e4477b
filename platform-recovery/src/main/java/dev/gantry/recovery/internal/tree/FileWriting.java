package dev.gantry.recovery.internal.tree;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Writes restored file content on a thread of its own while the restoring thread reads, parses and hashes the next
 * buffer: the system calls that copy a file into the page cache cost more CPU than the hashing, and on a busy
 * two-core machine a restore gets through them sooner on two threads than on one. Each buffer goes to its own offset
 * of the file. One writer, not more: two writers on one file only contend for its lock in the kernel (measured in
 * docs/benchmarks.md). Memory stays bounded by {@link #BUFFERS} buffers. Files are opened by the restoring thread (so
 * every path check stays there) and only written and closed here; a file is closed once the restoring thread let go
 * of it and its last buffer is written.
 */
final class FileWriting implements AutoCloseable {

    static final int WRITERS = 1;
    static final int BUFFERS = WRITERS + 2;
    static final int BUFFER_BYTES = 1024 * 1024;

    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS);
    /** Unbounded, but holds at most {@link #BUFFERS} writes, and the stop marks. */
    private final BlockingQueue<Task> tasks = new LinkedBlockingQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile @Nullable IOException failure;
    private boolean stopped;

    /** A file being restored: the restoring thread holds one reference, every write in flight another. */
    static final class OpenFile {
        private final FileChannel channel;
        private final AtomicInteger references = new AtomicInteger(1);
        private long position;

        private OpenFile(FileChannel channel) {
            this.channel = channel;
        }
    }

    private record Task(@Nullable OpenFile file, byte @Nullable [] buffer, int length, long position) {
        static final Task STOP = new Task(null, null, 0, 0);
    }

    FileWriting() {
        for (int i = 0; i < BUFFERS; i++) {
            free.add(new byte[BUFFER_BYTES]);
        }
        for (int i = 0; i < WRITERS; i++) {
            threads.add(Thread.ofPlatform().name("gantry-restore-writer-" + (i + 1)).daemon().start(this::run));
        }
    }

    OpenFile open(FileChannel channel) {
        return new OpenFile(channel);
    }

    /** A buffer to fill; blocks while all are being written. */
    byte[] buffer() throws IOException {
        rethrow();
        try {
            return free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while restoring files");
        }
    }

    /** Hands the buffer over: its first {@code length} bytes go after what was handed over for {@code file}. */
    void write(OpenFile file, byte[] buffer, int length) {
        file.references.incrementAndGet();
        tasks.add(new Task(file, buffer, length, file.position));
        file.position += length;
    }

    /** The restoring thread is done with {@code file}: it is closed once its last buffer is written. */
    void release(OpenFile file) {
        release(file, null);
    }

    /** Waits until every file handed over is written and closed; throws what went wrong while writing. */
    void finish() throws IOException {
        stop();
        rethrow();
    }

    /** Stops after what was handed over; every file is closed either way. */
    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedIOException e) {
            // The restore is failing already; the files go with the temporary directory.
        }
    }

    private void stop() throws InterruptedIOException {
        if (!stopped) {
            stopped = true;
            for (int i = 0; i < WRITERS; i++) {
                tasks.add(Task.STOP);
            }
        }
        try {
            for (Thread thread : threads) {
                thread.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while restoring files");
        }
    }

    private void rethrow() throws IOException {
        IOException e = failure;
        if (e != null) {
            throw new IOException("writing a restored file failed: " + e.getMessage(), e);
        }
    }

    private void run() {
        while (true) {
            Task task;
            try {
                task = tasks.take();
            } catch (InterruptedException e) {
                return;
            }
            if (task == Task.STOP) {
                return;
            }
            OpenFile file = Objects.requireNonNull(task.file());
            byte[] buffer = Objects.requireNonNull(task.buffer());
            IOException problem = null;
            try {
                if (failure == null) {
                    var bytes = ByteBuffer.wrap(buffer, 0, task.length());
                    long position = task.position();
                    while (bytes.hasRemaining()) {
                        position += file.channel.write(bytes, position);
                    }
                }
            } catch (IOException e) {
                problem = e;
            } finally {
                release(file, problem);
                free.add(buffer);
            }
        }
    }

    private void release(OpenFile file, @Nullable IOException problem) {
        IOException first = problem;
        if (file.references.decrementAndGet() == 0) {
            try {
                file.channel.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null && failure == null) {
            failure = first;
        }
    }
}
