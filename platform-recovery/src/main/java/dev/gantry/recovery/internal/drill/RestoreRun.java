package dev.gantry.recovery.internal.drill;

import dev.gantry.recovery.CheckResult;
import dev.gantry.recovery.PayloadFormat;
import dev.gantry.recovery.RestoreExpectation;
import dev.gantry.recovery.Validation;
import dev.gantry.recovery.internal.process.WorkWindow;
import dev.gantry.recovery.internal.target.ScratchTarget;
import dev.gantry.recovery.internal.target.Validator;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Restores a backup into a scratch target and runs the checks, all inside one validation window. The restore is
 * the first check; a check that fails does not stop the others, so the evidence is complete.
 */
public final class RestoreRun {

    public static final String RESTORE_CHECK = "restore";

    /** Opens the backup's plaintext; called once, inside the window. */
    public interface Opener {
        InputStream open() throws IOException;
    }

    /**
     * @param rto   restore start to the last check passing; null unless all passed
     * @param bytes plaintext bytes restored
     */
    public record Outcome(List<CheckResult> checks, boolean timedOut, @Nullable Duration rto, long bytes,
            @Nullable String cleanupProblem) {

        public @Nullable CheckResult firstFailure() {
            return checks.stream().filter(c -> !c.passed()).findFirst().orElse(null);
        }
    }

    private RestoreRun() {
    }

    /**
     * @param cleanUp remove the target afterwards whatever happened (drills); otherwise only when the restore
     *                itself failed or ran out of time, so a restored copy stays for whoever asked for it
     */
    public static Outcome run(Opener opener, PayloadFormat format, ScratchTarget target, RestoreExpectation expectation,
            List<Validation> validations, Duration limit, boolean cleanUp, LongConsumer progress) {
        var window = new WorkWindow(limit);
        var checks = new CopyOnWriteArrayList<CheckResult>();
        long[] bytes = new long[1];
        Duration rto = null;
        boolean timedOut = false;
        try {
            rto = window.run(() -> {
                long start = System.nanoTime();
                try (InputStream in = new Counting(opener.open(), bytes, progress)) {
                    target.restore(in, format, window);
                    // Reading to the end is what proves the archive whole (trailer digest, manifest sizes).
                    in.transferTo(OutputStream.nullOutputStream());
                } catch (IOException | RuntimeException e) {
                    checks.add(CheckResult.failed(RESTORE_CHECK, e.getClass().getSimpleName() + ": " + e.getMessage(),
                            Duration.ofNanos(System.nanoTime() - start)));
                    return null;
                }
                checks.add(CheckResult.passed(RESTORE_CHECK, bytes[0] + " bytes into " + target.describe(),
                        Duration.ofNanos(System.nanoTime() - start)));
                var validator = new Validator();
                for (Validation validation : validations) {
                    checks.add(validator.run(validation, target, expectation, window));
                }
                // Milliseconds: what the evidence stores, so the event and the stored report say the same.
                return checks.stream().allMatch(CheckResult::passed)
                        ? Duration.ofNanos(System.nanoTime() - start).truncatedTo(java.time.temporal.ChronoUnit.MILLIS)
                        : null;
            });
        } catch (TimeoutException e) {
            timedOut = true;
        } catch (ExecutionException e) {
            checks.add(CheckResult.failed(RESTORE_CHECK, String.valueOf(e.getCause()), Duration.ZERO));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            timedOut = true;
        }
        boolean restoreFailed = timedOut || checks.isEmpty() || !checks.getFirst().passed();
        String cleanupProblem = cleanUp || restoreFailed ? cleanUp(target) : null;
        return new Outcome(new ArrayList<>(checks), timedOut, timedOut ? null : rto, bytes[0], cleanupProblem);
    }

    private static @Nullable String cleanUp(ScratchTarget target) {
        try {
            target.cleanup();
            return null;
        } catch (IOException | RuntimeException e) {
            return "could not remove " + target.describe() + ": " + e.getMessage();
        }
    }

    private static final class Counting extends FilterInputStream {
        private final long[] bytes;
        private final LongConsumer progress;

        Counting(InputStream in, long[] bytes, LongConsumer progress) {
            super(in);
            this.bytes = bytes;
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                progress.accept(++bytes[0]);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                bytes[0] += n;
                progress.accept(bytes[0]);
            }
            return n;
        }
    }
}
