package dev.gantry.recovery.internal.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.recovery.ArchiveCorruptedException;
import dev.gantry.recovery.BackupKey;
import dev.gantry.recovery.WrongKeyException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveTests {

    private static final int CHUNK = 64 * 1024;
    private static final BackupKey KEY = BackupKey.of("backup-2026", bytes(32, 1));

    @TempDir
    Path dir;

    @Test
    void multiChunkDataComesBackByteForByte() throws IOException {
        byte[] data = mixed(5 * CHUNK + 123);
        assertThat(read(write(data, KEY), KEY)).isEqualTo(data);
    }

    @Test
    void anEmptyStreamIsAValidArchive() throws IOException {
        assertThat(read(write(new byte[0], KEY), KEY)).isEmpty();
    }

    @Test
    void aFlippedByteInAChunkNamesTheChunkAndItsOffset() throws IOException {
        byte[] archive = write(mixed(3 * CHUNK), KEY);
        var chunks = Layout.of(archive);
        archive[chunks.offsets.get(1) + 20] ^= 1;

        assertThatThrownBy(() -> read(archive, KEY)).isInstanceOf(ArchiveCorruptedException.class)
                .hasMessage("chunk 1 at offset " + chunks.offsets.get(1)
                        + " failed authentication: altered, reordered, duplicated, or its final flag changed");
    }

    @Test
    void everyFlippedBitIsRefusedAsCorruptionWhereverItFalls() throws IOException {
        byte[] archive = write(mixed(3 * CHUNK), KEY);
        int headerLength = Layout.of(archive).header.length;
        var random = new Random(99);
        for (int i = 0; i < headerLength + 300; i++) {
            int position = i < headerLength ? i : random.nextInt(archive.length);
            byte[] damaged = archive.clone();
            damaged[position] ^= (byte) (1 << random.nextInt(8));

            assertThatThrownBy(() -> read(damaged, KEY)).as("bit flipped at offset %d", position)
                    .isInstanceOf(ArchiveCorruptedException.class);
        }
    }

    @Test
    void aFlippedByteInTheHeaderIsCorruptionNotAWrongKey() throws IOException {
        byte[] archive = write(mixed(CHUNK), KEY);
        archive[30] ^= 1;

        assertThatThrownBy(() -> read(archive, KEY)).isInstanceOf(ArchiveCorruptedException.class)
                .hasMessageStartingWith("header checksum mismatch");
    }

    @Test
    void anArchiveCutAtAChunkBoundaryIsTruncatedNotValid() throws IOException {
        byte[] archive = write(mixed(3 * CHUNK), KEY);
        var chunks = Layout.of(archive);
        byte[] cut = java.util.Arrays.copyOf(archive, (int) chunks.offsets.getLast());

        assertThatThrownBy(() -> read(cut, KEY)).isInstanceOf(ArchiveCorruptedException.class)
                .hasMessageContaining("archive truncated: it ends after chunk 2").hasMessageContaining("without the final chunk");
    }

    @Test
    void anArchiveCutInsideAChunkSaysWhere() throws IOException {
        byte[] archive = write(mixed(3 * CHUNK), KEY);
        var chunks = Layout.of(archive);
        byte[] cut = java.util.Arrays.copyOf(archive, (int) chunks.offsets.get(2) + 100);

        assertThatThrownBy(() -> read(cut, KEY)).isInstanceOf(ArchiveCorruptedException.class)
                .hasMessageContaining("archive truncated inside chunk 2 at offset " + chunks.offsets.get(2));
    }

    @Test
    void swappedChunksAreDetected() throws IOException {
        var chunks = Layout.of(write(mixed(3 * CHUNK), KEY));
        byte[] swapped = chunks.assemble(List.of(1, 0, 2, 3));

        assertThatThrownBy(() -> read(swapped, KEY)).isInstanceOf(ArchiveCorruptedException.class)
                .hasMessageStartingWith("chunk 0 at offset").hasMessageContaining("failed authentication");
    }

    @Test
    void aDroppedChunkIsDetected() throws IOException {
        var chunks = Layout.of(write(mixed(3 * CHUNK), KEY));

        assertThatThrownBy(() -> read(chunks.assemble(List.of(0, 2, 3)), KEY))
                .isInstanceOf(ArchiveCorruptedException.class).hasMessageStartingWith("chunk 1 at offset");
    }

    @Test
    void aDuplicatedChunkIsDetected() throws IOException {
        var chunks = Layout.of(write(mixed(3 * CHUNK), KEY));

        assertThatThrownBy(() -> read(chunks.assemble(List.of(0, 1, 1, 2, 3)), KEY))
                .isInstanceOf(ArchiveCorruptedException.class).hasMessageStartingWith("chunk 2 at offset");
    }

    @Test
    void aChunkFromAnotherArchiveWithTheSameKeyIsDetected() throws IOException {
        var one = Layout.of(write(mixed(2 * CHUNK), KEY));
        var other = Layout.of(write(mixed(2 * CHUNK), KEY));
        var out = new ByteArrayOutputStream();
        out.write(one.header);
        out.write(one.chunks.get(0));
        out.write(other.chunks.get(1));
        out.write(one.chunks.get(2));

        assertThatThrownBy(() -> read(out.toByteArray(), KEY))
                .isInstanceOf(ArchiveCorruptedException.class).hasMessageStartingWith("chunk 1 at offset");
    }

    @Test
    void aDataChunkRelabelledAsFinalIsDetected() throws IOException {
        byte[] archive = write(mixed(2 * CHUNK), KEY);
        var chunks = Layout.of(archive);
        archive[chunks.offsets.get(1) + 4] = ChunkCrypto.FINAL;

        assertThatThrownBy(() -> read(archive, KEY)).isInstanceOf(ArchiveCorruptedException.class)
                .hasMessageStartingWith("chunk 1 at offset " + chunks.offsets.get(1) + " failed authentication");
    }

    @Test
    void bytesAfterTheFinalChunkAreRejected() throws IOException {
        byte[] archive = write(mixed(CHUNK), KEY);
        byte[] padded = java.util.Arrays.copyOf(archive, archive.length + 1);

        assertThatThrownBy(() -> read(padded, KEY)).isInstanceOf(ArchiveCorruptedException.class)
                .hasMessage("unexpected bytes after the final chunk at offset " + archive.length);
    }

    @Test
    void anOversizedDeclaredLengthIsRefusedBeforeAnythingIsAllocated() throws IOException {
        byte[] archive = write(mixed(2 * CHUNK), KEY);
        var chunks = Layout.of(archive);
        ByteBuffer.wrap(archive).putInt((int) chunks.offsets.get(1), Integer.MAX_VALUE);
        var budget = new BufferBudget();

        assertThatThrownBy(() -> new ArchiveReader(new ByteArrayInputStream(archive), KEY, budget).readAllBytes())
                .isInstanceOf(ArchiveCorruptedException.class)
                .hasMessageContaining("chunk 1 at offset " + chunks.offsets.get(1) + " declares 2147483647 bytes");
        assertThat(budget.allocations()).isEqualTo(3);
    }

    @Test
    void anotherKeyUnderTheSameIdIsAWrongKeyNotCorruption() throws IOException {
        byte[] archive = write(mixed(CHUNK), KEY);

        assertThatThrownBy(() -> read(archive, BackupKey.of("backup-2026", bytes(32, 2))))
                .isInstanceOf(WrongKeyException.class).hasMessageStartingWith("wrong key")
                .hasMessageNotContaining("corrupt");
    }

    @Test
    void aKeyWithAnotherIdIsAWrongKeyThatNamesBothIds() throws IOException {
        byte[] archive = write(mixed(CHUNK), KEY);

        assertThatThrownBy(() -> read(archive, BackupKey.of("backup-2025", bytes(32, 1))))
                .isInstanceOf(WrongKeyException.class)
                .hasMessageContaining("encrypted with key 'backup-2026', not with key 'backup-2025'");
    }

    @Test
    void twoHundredMebibytesRoundTripWithTheSameFewBuffers() throws IOException {
        long size = 200L * 1024 * 1024;
        int chunk = ArchiveHeader.DEFAULT_CHUNK_SIZE;
        Path file = dir.resolve("big.gbk");
        var writeBudget = new BufferBudget();
        byte[] block = mixed(1024 * 1024);
        try (OutputStream sink = Files.newOutputStream(file);
                var writer = new ArchiveWriter(sink, KEY, chunk, new SecureRandom(), writeBudget)) {
            for (long written = 0; written < size; written += block.length) {
                block[(int) (written / block.length) % block.length] ^= 1;
                writer.write(block);
            }
        }
        var readBudget = new BufferBudget();
        long read = 0;
        try (var reader = new ArchiveReader(Files.newInputStream(file), KEY, readBudget)) {
            byte[] buffer = new byte[100_000];
            for (int n; (n = reader.read(buffer)) >= 0; ) {
                read += n;
            }
        }

        assertThat(read).isEqualTo(size);
        long perChunkBound = 3L * (chunk + ArchiveWriter.maxCompressed(chunk) + ChunkCrypto.TAG_BYTES);
        assertThat(writeBudget.allocations()).isEqualTo(3);
        assertThat(writeBudget.allocatedBytes()).isLessThanOrEqualTo(perChunkBound);
        assertThat(readBudget.allocations()).isEqualTo(3);
        assertThat(readBudget.allocatedBytes()).isLessThanOrEqualTo(perChunkBound);
    }

    static byte[] write(byte[] data, BackupKey key) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var writer = new ArchiveWriter(out, key, CHUNK, new SecureRandom(), new BufferBudget())) {
            writer.write(data);
        }
        return out.toByteArray();
    }

    static byte[] read(byte[] archive, BackupKey key) throws IOException {
        try (InputStream in = new ArchiveReader(new ByteArrayInputStream(archive), key, new BufferBudget())) {
            return in.readAllBytes();
        }
    }

    /** Half text, half random: compresses like real backups do, neither all nor nothing. */
    static byte[] mixed(int size) {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        byte[] text = "deploy service=api version=1.4.2 status=ok\n".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < size / 2; i++) {
            data[i] = text[i % text.length];
        }
        return data;
    }

    static byte[] bytes(int size, int seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** Splits an archive into its header and chunk records, to tamper with them. */
    record Layout(byte[] header, List<byte[]> chunks, List<Integer> offsets) {

        static Layout of(byte[] archive) throws IOException {
            int headerLength = ArchiveHeader.decode(new ByteArrayInputStream(archive)).bytes().length;
            var chunks = new ArrayList<byte[]>();
            var offsets = new ArrayList<Integer>();
            int at = headerLength;
            while (at < archive.length) {
                int length = ByteBuffer.wrap(archive, at, 4).getInt();
                offsets.add(at);
                chunks.add(java.util.Arrays.copyOfRange(archive, at, at + 5 + length));
                at += 5 + length;
            }
            return new Layout(java.util.Arrays.copyOf(archive, headerLength), chunks, offsets);
        }

        byte[] assemble(List<Integer> order) {
            var out = new ByteArrayOutputStream();
            out.writeBytes(header);
            order.forEach(i -> out.writeBytes(chunks.get(i)));
            return out.toByteArray();
        }
    }
}
