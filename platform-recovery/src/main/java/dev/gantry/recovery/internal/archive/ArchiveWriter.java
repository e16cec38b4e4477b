package dev.gantry.recovery.internal.archive;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdException;
import dev.gantry.recovery.BackupKey;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;

/**
 * Writes plaintext as an archive: fixed-size chunks, each compressed then sealed, then a final chunk carrying the
 * plaintext length and SHA-256. Holds one chunk of plaintext and its two working buffers, whatever the size.
 * {@link #close()} finishes the archive but leaves the sink open: whoever owns the sink decides when it commits.
 *
 * <p>In parallel mode the caller still hashes the plaintext and writes every record, in order, on its own thread;
 * {@link ArchiveWorkers} compress and seal up to {@link ArchiveWorkers#IN_FLIGHT} chunks meanwhile, each in a slot
 * of two buffers (the plaintext buffer takes the sealed record once the chunk is compressed). The bytes written are
 * the same as in sequential mode: every chunk is compressed on its own either way.
 */
public final class ArchiveWriter extends OutputStream {

    static final int ZSTD_LEVEL = 3;
    static final int TRAILER_BYTES = 8 + 32;

    private final OutputStream sink;
    private final ArchiveHeader header;
    private final ChunkCrypto crypto;
    private final BufferBudget budget;
    private final byte[] plain;
    private final byte[] compressed;
    private final byte[] sealed;
    /** Parallel mode only (else empty): a ring, filled and drained in chunk order. */
    private final Slot[] slots;
    private int nextSlot;
    private @Nullable Slot filling;
    private final MessageDigest plainSha256 = ChunkCrypto.newSha256();
    /** Sequential mode: one context for all chunks (a fresh one per chunk costs more than compressing 256 KiB). */
    private final @Nullable ZstdCompressCtx zstd;
    private int filled;
    private long chunkIndex;
    private long plainLength;
    private boolean closed;
    /** Parallel mode: a chunk that failed leaves a gap, so the archive can never be finished after it. */
    private @Nullable IOException failure;
    private byte @Nullable [] finalDigest;

    /** A sequential writer: everything happens on the caller's thread. */
    public ArchiveWriter(OutputStream sink, BackupKey key, int chunkSize, SecureRandom random, BufferBudget budget)
            throws IOException {
        this(sink, key, chunkSize, random, budget, false);
    }

    /** With {@code parallel}, chunks are compressed and sealed on {@link ArchiveWorkers} while the caller goes on. */
    public ArchiveWriter(OutputStream sink, BackupKey key, int chunkSize, SecureRandom random, BufferBudget budget,
            boolean parallel) throws IOException {
        if (chunkSize <= 0 || chunkSize > ArchiveHeader.MAX_CHUNK_SIZE) {
            throw new IllegalArgumentException("chunk size must be 1-" + ArchiveHeader.MAX_CHUNK_SIZE);
        }
        byte[] archiveId = new byte[ArchiveHeader.ARCHIVE_ID_BYTES];
        random.nextBytes(archiveId);
        byte[] noncePrefix = new byte[ArchiveHeader.NONCE_PREFIX_BYTES];
        random.nextBytes(noncePrefix);
        this.header = new ArchiveHeader(key.keyId(), archiveId, noncePrefix, ChunkCrypto.keyCheck(key, archiveId), chunkSize);
        byte[] headerBytes = header.encode();
        this.sink = sink;
        this.crypto = new ChunkCrypto(key, header, headerBytes);
        this.budget = budget;
        if (parallel) {
            this.slots = new Slot[ArchiveWorkers.IN_FLIGHT];
            for (int i = 0; i < slots.length; i++) {
                slots[i] = new Slot(budget.allocate(maxCompressed(chunkSize) + ChunkCrypto.TAG_BYTES),
                        budget.allocate(maxCompressed(chunkSize)));
            }
            this.plain = new byte[0];
            this.compressed = new byte[0];
            this.sealed = new byte[0];
            this.zstd = null;
        } else {
            this.zstd = new ZstdCompressCtx().setLevel(ZSTD_LEVEL);
            this.slots = new Slot[0];
            this.plain = budget.allocate(chunkSize);
            this.compressed = budget.allocate(maxCompressed(chunkSize));
            this.sealed = budget.allocate(maxCompressed(chunkSize) + ChunkCrypto.TAG_BYTES);
        }
        sink.write(headerBytes);
    }

    static int maxCompressed(int chunkSize) {
        return (int) Zstd.compressBound(Math.max(chunkSize, TRAILER_BYTES));
    }

    public ArchiveHeader header() {
        return header;
    }

    public long plainLength() {
        return plainLength;
    }

    public byte[] plainSha256() {
        if (finalDigest == null) {
            throw new IllegalStateException("the plaintext digest is known once the archive is closed");
        }
        return finalDigest.clone();
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        ensureOpen();
        if (slots.length > 0) {
            writeParallel(b, off, len);
            return;
        }
        while (len > 0) {
            int n = Math.min(len, plain.length - filled);
            System.arraycopy(b, off, plain, filled, n);
            filled += n;
            off += n;
            len -= n;
            if (filled == plain.length) {
                writeDataChunk();
            }
        }
    }

    private void writeDataChunk() throws IOException {
        plainSha256.update(plain, 0, filled);
        plainLength += filled;
        int size;
        try {
            size = Objects.requireNonNull(zstd).compressByteArray(compressed, 0, compressed.length, plain, 0, filled);
        } catch (ZstdException e) {
            throw new IOException("zstd compression of chunk " + chunkIndex + " failed", e);
        }
        writeRecord(ChunkCrypto.DATA, compressed, size);
        filled = 0;
    }

    private void writeParallel(byte[] b, int off, int len) throws IOException {
        int chunkSize = header.chunkSize();
        while (len > 0) {
            if (filling == null) {
                filling = slots[nextSlot];
                drain(filling);
            }
            int n = Math.min(len, chunkSize - filled);
            System.arraycopy(b, off, filling.plainThenSealed, filled, n);
            filled += n;
            off += n;
            len -= n;
            if (filled == chunkSize) {
                submit();
            }
        }
    }

    /** Hashes the filled slot's plaintext here, in order, and hands compression and sealing to a worker. */
    private void submit() {
        Slot slot = filling;
        plainSha256.update(slot.plainThenSealed, 0, filled);
        plainLength += filled;
        slot.index = chunkIndex++;
        slot.length = filled;
        slot.failure = null;
        slot.done = CompletableFuture.runAsync(() -> slot.compressAndSeal(crypto), ArchiveWorkers.pool());
        filling = null;
        filled = 0;
        nextSlot = (nextSlot + 1) % slots.length;
    }

    /**
     * Waits for the slot's chunk, if it has one in flight, and writes its record: records leave in chunk order. A
     * chunk that failed, or a record the sink refused, leaves a gap: the writer refuses everything after it.
     */
    private void drain(Slot slot) throws IOException {
        CompletableFuture<Void> done = slot.done;
        if (done == null) {
            return;
        }
        slot.done = null;
        try {
            try {
                done.join();
            } catch (CompletionException e) {
                throw new IOException("compressing or encrypting chunk " + slot.index + " failed", e.getCause());
            }
            if (slot.failure != null) {
                throw slot.failure;
            }
            sink.write(ByteBuffer.allocate(5).putInt(slot.sealedLength).put(ChunkCrypto.DATA).array());
            sink.write(slot.plainThenSealed, 0, slot.sealedLength);
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    private void closeParallel() throws IOException {
        if (filled > 0) {
            submit();
        }
        for (int i = 0; i < slots.length; i++) {
            drain(slots[(nextSlot + i) % slots.length]);
        }
        finalDigest = plainSha256.digest();
        byte[] trailer = ByteBuffer.allocate(TRAILER_BYTES).putLong(plainLength).put(finalDigest).array();
        byte[] out = slots[0].plainThenSealed;
        int sealedLength;
        try {
            sealedLength = crypto.seal(chunkIndex, ChunkCrypto.FINAL, trailer, trailer.length, out);
        } catch (GeneralSecurityException e) {
            throw new IOException("encrypting chunk " + chunkIndex + " failed", e);
        }
        sink.write(ByteBuffer.allocate(5).putInt(sealedLength).put(ChunkCrypto.FINAL).array());
        sink.write(out, 0, sealedLength);
        chunkIndex++;
        sink.flush();
        closed = true;
    }

    /** One chunk in flight: its plaintext, replaced by its sealed record once a worker compressed it. */
    private static final class Slot {
        final byte[] plainThenSealed;
        final byte[] compressed;
        long index;
        int length;
        int sealedLength;
        @Nullable IOException failure;
        @Nullable CompletableFuture<Void> done;

        Slot(byte[] plainThenSealed, byte[] compressed) {
            this.plainThenSealed = plainThenSealed;
            this.compressed = compressed;
        }

        /** Runs on a worker. */
        void compressAndSeal(ChunkCrypto crypto) {
            try {
                int size = ArchiveWorkers.current().compress.compressByteArray(compressed, 0, compressed.length,
                        plainThenSealed, 0, length);
                sealedLength = crypto.seal(index, ChunkCrypto.DATA, compressed, size, plainThenSealed);
            } catch (ZstdException e) {
                failure = new IOException("zstd compression of chunk " + index + " failed", e);
            } catch (GeneralSecurityException e) {
                failure = new IOException("encrypting chunk " + index + " failed", e);
            }
        }
    }

    private void writeRecord(byte flag, byte[] content, int length) throws IOException {
        int sealedLength;
        try {
            sealedLength = crypto.seal(chunkIndex, flag, content, length, sealed);
        } catch (GeneralSecurityException e) {
            throw new IOException("encrypting chunk " + chunkIndex + " failed", e);
        }
        sink.write(ByteBuffer.allocate(5).putInt(sealedLength).put(flag).array());
        sink.write(sealed, 0, sealedLength);
        chunkIndex++;
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        if (slots.length > 0) {
            ensureOpen();
            closeParallel();
            return;
        }
        if (filled > 0) {
            writeDataChunk();
        }
        finalDigest = plainSha256.digest();
        byte[] trailer = ByteBuffer.allocate(TRAILER_BYTES).putLong(plainLength).put(finalDigest).array();
        writeRecord(ChunkCrypto.FINAL, trailer, trailer.length);
        sink.flush();
        closed = true;
        Objects.requireNonNull(zstd).close();
    }

    private void ensureOpen() throws IOException {
        if (failure != null) {
            throw new IOException("the archive failed earlier and cannot be finished: " + failure.getMessage(), failure);
        }
        if (closed) {
            throw new IOException("archive already closed");
        }
    }

    public BufferBudget budget() {
        return budget;
    }
}
