package dev.gantry.recovery.internal.archive;

import static dev.gantry.recovery.internal.archive.ArchiveTests.mixed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.recovery.BackupKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The parallel pipeline must be invisible: the same bytes written, the same bytes read, the same errors. */
class ParallelArchiveTests {

    private static final int CHUNK = ArchiveHeader.DEFAULT_CHUNK_SIZE;
    private static final BackupKey KEY = BackupKey.of("backup-2026", ArchiveTests.bytes(32, 1));

    @Test
    void theParallelWriterWritesExactlyTheBytesTheSequentialOneWrites() throws Exception {
        for (int size : new int[] {0, 1, CHUNK - 1, CHUNK, 3 * CHUNK, 17 * CHUNK + 123}) {
            byte[] data = mixed(size);

            assertThat(write(data, false, 42)).as("%d bytes", size).isEqualTo(write(data, true, 42));
        }
    }

    @Test
    void eachReaderReadsWhatEitherWriterWrote() throws Exception {
        byte[] data = mixed(11 * CHUNK + 5);
        for (boolean parallelWriter : new boolean[] {false, true}) {
            byte[] archive = write(data, parallelWriter, 7);
            for (boolean parallelReader : new boolean[] {false, true}) {
                assertThat(read(archive, parallelReader).bytes()).isEqualTo(data);
            }
        }
    }

    @Test
    void everyDamageIsReportedInParallelAsSequentiallyAfterTheSameBytes() throws Exception {
        byte[] archive = write(mixed(10 * CHUNK + 999), false, 3);
        var layout = ArchiveTests.Layout.of(archive);
        var damaged = new ArrayList<byte[]>();
        var random = new Random(5);
        for (int i = 0; i < 200; i++) {
            byte[] copy = archive.clone();
            copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
            damaged.add(copy);
        }
        for (int offset : layout.offsets()) {
            damaged.add(Arrays.copyOf(archive, offset));
            damaged.add(Arrays.copyOf(archive, offset + 3));
            damaged.add(Arrays.copyOf(archive, offset + 100));
        }
        damaged.add(layout.assemble(List.of(0, 1, 2, 3, 4, 6, 5, 7, 8, 9, 10, 11)));
        damaged.add(layout.assemble(List.of(0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11)));
        damaged.add(layout.assemble(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10, 11)));
        damaged.add(Arrays.copyOf(archive, archive.length + 1));
        byte[] relabelled = archive.clone();
        relabelled[layout.offsets().get(6) + 4] = ChunkCrypto.FINAL;
        damaged.add(relabelled);
        byte[] oversized = archive.clone();
        oversized[layout.offsets().get(7)] = 0x7f;
        damaged.add(oversized);

        for (byte[] bytes : damaged) {
            Outcome sequential = read(bytes, false);
            Outcome parallel = read(bytes, true);

            assertThat(sequential.failure()).isNotNull();
            assertThat(parallel.failure()).isEqualTo(sequential.failure());
            assertThat(parallel.bytes()).isEqualTo(sequential.bytes());
        }
    }

    @Test
    void bothParallelEndsHoldAFewSlotsWhateverTheSize() throws Exception {
        var writeBudget = new BufferBudget();
        var out = new ByteArrayOutputStream();
        byte[] block = mixed(1024 * 1024);
        try (var writer = new ArchiveWriter(out, KEY, CHUNK, new SecureRandom(), writeBudget, true)) {
            for (int i = 0; i < 64; i++) {
                writer.write(block);
            }
        }
        var readBudget = new BufferBudget();
        long read = 0;
        try (var reader = new ArchiveReader(new ByteArrayInputStream(out.toByteArray()), KEY, readBudget, true)) {
            byte[] buffer = new byte[100_000];
            for (int n; (n = reader.read(buffer)) >= 0; ) {
                read += n;
            }
        }

        int maxSealed = ArchiveWriter.maxCompressed(CHUNK) + ChunkCrypto.TAG_BYTES;
        assertThat(read).isEqualTo(64L * block.length);
        assertThat(writeBudget.allocations()).isEqualTo(2 * ArchiveWorkers.IN_FLIGHT);
        assertThat(writeBudget.allocatedBytes()).isLessThanOrEqualTo(2L * ArchiveWorkers.IN_FLIGHT * maxSealed)
                .isLessThan(1024 * 1024);
        assertThat(readBudget.allocations()).isEqualTo(3 * ArchiveWorkers.IN_FLIGHT);
        assertThat(readBudget.allocatedBytes()).isLessThanOrEqualTo(3L * ArchiveWorkers.IN_FLIGHT * maxSealed);
    }

    @Test
    void archivesWrittenAndReadAtTheSameTimeShareTheWorkersAndStayIntact() throws Exception {
        var pool = Executors.newFixedThreadPool(6);
        try {
            var results = new ArrayList<Future<Boolean>>();
            for (int i = 0; i < 6; i++) {
                int seed = i;
                Callable<Boolean> roundTrip = () -> {
                    byte[] data = mixed(8 * CHUNK + seed * 1000);
                    data[seed] ^= 1;
                    return Arrays.equals(read(write(data, true, seed), true).bytes(), data);
                };
                results.add(pool.submit(roundTrip));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aParallelWriterWhoseSinkFailedNeverFinishesTheArchive() throws Exception {
        var sink = new OutputStream() {
            long written;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (written + len > 3 * CHUNK) {
                    throw new IOException("disk full");
                }
                written += len;
            }
        };
        var writer = new ArchiveWriter(sink, KEY, CHUNK, new SecureRandom(), new BufferBudget(), true);
        byte[] random = ArchiveTests.bytes(CHUNK, 9);

        assertThatThrownBy(() -> {
            for (int i = 0; i < 20; i++) {
                writer.write(random);
            }
        }).hasMessage("disk full");
        assertThatThrownBy(() -> writer.write(random)).hasMessageContaining("failed earlier and cannot be finished");
        assertThatThrownBy(writer::close).hasMessageContaining("failed earlier and cannot be finished");
        assertThat(sink.written).isLessThanOrEqualTo(3L * CHUNK);
    }

    /** Writes in uneven pieces, so that chunks are filled across several calls. */
    private static byte[] write(byte[] data, boolean parallel, long seed) throws IOException, NoSuchAlgorithmException {
        var random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(seed);
        var out = new ByteArrayOutputStream();
        try (var writer = new ArchiveWriter(out, KEY, CHUNK, random, new BufferBudget(), parallel)) {
            int[] pieces = {1, 7, 100_000, 65_536, 3};
            int at = 0;
            for (int i = 0; at < data.length; i++) {
                int n = Math.min(pieces[i % pieces.length], data.length - at);
                writer.write(data, at, n);
                at += n;
            }
        }
        return out.toByteArray();
    }

    record Outcome(byte[] bytes, @Nullable String failure) {
    }

    /** Reads until the end or the first error; returns what was handed out and the error's class and message. */
    private static Outcome read(byte[] archive, boolean parallel) {
        var delivered = new ByteArrayOutputStream();
        try (var reader = new ArchiveReader(new ByteArrayInputStream(archive), KEY, new BufferBudget(), parallel)) {
            byte[] buffer = new byte[10_000];
            for (int n; (n = reader.read(buffer)) >= 0; ) {
                delivered.write(buffer, 0, n);
            }
            return new Outcome(delivered.toByteArray(), null);
        } catch (IOException e) {
            return new Outcome(delivered.toByteArray(), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
