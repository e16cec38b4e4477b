package dev.gantry.recovery.internal.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A started child process whose standard error is drained in the background (so it can never block on a full
 * pipe) into a small tail kept for diagnostics. {@link #close()} kills the process and everything it started.
 */
public final class ChildProcess implements AutoCloseable {

    private static final int STDERR_TAIL = 2048;

    private final Process process;
    private final String program;
    private final Thread stderrDrain;
    private final ByteArrayOutputStream stderrTail = new ByteArrayOutputStream();
    private final @Nullable WorkWindow window;

    private ChildProcess(Process process, String program, @Nullable WorkWindow window) {
        this.process = process;
        this.program = program;
        this.window = window;
        this.stderrDrain = Thread.ofVirtual().name("stderr-" + program).start(this::drainStderr);
        if (window != null) {
            window.track(process);
        }
    }

    /**
     * Starts {@code argv}. Environment entries in {@code environment} are added to a copy of this JVM's; pass
     * passwords through a {@link PgPassFile}, never here or in {@code argv}.
     */
    public static ChildProcess start(List<String> argv, @Nullable Path workingDirectory, Map<String, String> environment,
            boolean stdinFromParent, @Nullable WorkWindow window) throws IOException {
        var builder = new ProcessBuilder(argv);
        if (workingDirectory != null) {
            builder.directory(workingDirectory.toFile());
        }
        builder.environment().putAll(environment);
        if (!stdinFromParent) {
            builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        }
        String program = Path.of(argv.getFirst()).getFileName().toString();
        try {
            return new ChildProcess(builder.start(), program, window);
        } catch (IOException e) {
            throw new IOException("could not start " + program + ": " + e.getMessage(), e);
        }
    }

    public InputStream stdout() {
        return process.getInputStream();
    }

    public OutputStream stdin() {
        return process.getOutputStream();
    }

    public String program() {
        return program;
    }

    /** Waits for the exit; a window that ran out turns into its own exception by the window's caller. */
    public int waitFor() throws IOException {
        try {
            int exit = process.waitFor();
            stderrDrain.join(TimeUnit.SECONDS.toMillis(5));
            return exit;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new java.io.InterruptedIOException(program + " was interrupted");
        }
    }

    /** The last bytes the process wrote to standard error; only for tools known not to print credentials. */
    public String stderrTail() {
        synchronized (stderrTail) {
            return stderrTail.toString(StandardCharsets.UTF_8).strip();
        }
    }

    @Override
    public void close() {
        killTree(process.toHandle());
        if (window != null) {
            window.untrack(process);
        }
    }

    public static void killTree(ProcessHandle handle) {
        handle.descendants().forEach(ProcessHandle::destroyForcibly);
        handle.destroyForcibly();
    }

    private void drainStderr() {
        byte[] buffer = new byte[4096];
        try (InputStream err = process.getErrorStream()) {
            int n;
            while ((n = err.read(buffer)) > 0) {
                synchronized (stderrTail) {
                    stderrTail.write(buffer, 0, n);
                    if (stderrTail.size() > STDERR_TAIL * 2) {
                        byte[] all = stderrTail.toByteArray();
                        stderrTail.reset();
                        stderrTail.write(all, all.length - STDERR_TAIL, STDERR_TAIL);
                    }
                }
            }
        } catch (IOException e) {
            // The process ended or was killed; what was read is all there is.
        }
    }
}
