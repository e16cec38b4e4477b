package dev.gantry.recovery.internal.archive;

import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;
import dev.gantry.recovery.ArchiveCorruptedException;
import dev.gantry.recovery.BackupKey;
import dev.gantry.recovery.WrongKeyException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.crypto.AEADBadTagException;
import org.jspecify.annotations.Nullable;

/**
 * Reads an archive back as plaintext, one authenticated chunk at a time. Bytes handed out before the end are
 * authentic chunk by chunk, but the archive as a whole (nothing dropped at the end, the plaintext digest) is only
 * proven when this stream reports end of file: a consumer that must be all-or-nothing reads to -1 before it commits.
 *
 * <p>In parallel mode the caller still reads the source (so the stored bytes are read and hashed in order on one
 * thread) and checks each record's frame, but up to {@link ArchiveWorkers#IN_FLIGHT} chunks ahead of what it hands
 * out; {@link ArchiveWorkers} open and decompress them and hash the plaintext in chunk order. Whatever goes wrong is
 * reported in stream order, with the same message as in sequential mode: every byte before the damaged chunk is
 * handed out first.
 *
 * <p>Given the plaintext SHA-256 of a signed manifest, the reader does not hash the plaintext again: it only checks
 * that the final chunk declares that digest. This is sound only for a caller that also proves the stored bytes
 * against the same signed manifest before it trusts the end of the stream ({@code BackupReader} does), because
 * authentic stored bytes under the right key decrypt and decompress to exactly the plaintext the writer hashed
 * (the argument is in docs/recovery-archive-format.md, "What a restore hashes").
 */
public final class ArchiveReader extends InputStream {

    private final InputStream source;
    private final ArchiveHeader header;
    private final ChunkCrypto crypto;
    private final byte[] sealed;
    private final byte[] compressed;
    private final byte[] plain;
    private final MessageDigest plainSha256 = ChunkCrypto.newSha256();
    /** The signed manifest's plaintext digest when the stored bytes are proven against it; null: hash the plaintext. */
    private final byte @Nullable [] signedPlainSha256;
    private final BufferBudget budget;
    /** Sequential mode only. */
    private final @Nullable ZstdDecompressCtx zstd;
    private long offset;
    private long chunkIndex;
    private long plainLength;
    private int position;
    private int limit;
    private boolean finished;
    /** The flag of the record {@link #readFrame} read last. */
    private byte lastFlag;

    /** Parallel mode: idle slots, and the slots read ahead in chunk order; the caller's current chunk. */
    private final ArrayDeque<Slot> idle = new ArrayDeque<>();
    private final ArrayDeque<Slot> ahead = new ArrayDeque<>();
    private final boolean parallel;
    private @Nullable Slot current;
    private @Nullable Slot finalRecord;
    /** A damaged frame met while reading ahead, thrown once the chunks before it are handed out. */
    private @Nullable IOException failureAhead;
    private CompletableFuture<Void> hashedSoFar = CompletableFuture.completedFuture(null);

    /** A sequential reader: everything happens on the caller's thread. */
    public ArchiveReader(InputStream source, BackupKey key, BufferBudget budget) throws IOException {
        this(source, key, budget, false);
    }

    /** With {@code parallel}, chunks are opened and decompressed on {@link ArchiveWorkers} ahead of the caller. */
    public ArchiveReader(InputStream source, BackupKey key, BufferBudget budget, boolean parallel) throws IOException {
        this(source, key, budget, parallel, null);
    }

    /**
     * With {@code signedPlainSha256} (from a verified manifest whose stored-bytes digest the caller checks at the
     * end), the plaintext is not hashed again; the final chunk must declare that digest.
     */
    public ArchiveReader(InputStream source, BackupKey key, BufferBudget budget, boolean parallel,
            byte @Nullable [] signedPlainSha256) throws IOException {
        this.source = source;
        this.signedPlainSha256 = signedPlainSha256 == null ? null : signedPlainSha256.clone();
        var decoded = ArchiveHeader.decode(source);
        this.header = decoded.header();
        this.offset = decoded.bytes().length;
        if (!header.keyId().equals(key.keyId())) {
            throw new WrongKeyException("wrong key: archive " + header.archiveIdHex() + " was encrypted with key '"
                    + header.keyId() + "', not with key '" + key.keyId() + "'");
        }
        if (!MessageDigest.isEqual(header.keyCheck(), ChunkCrypto.keyCheck(key, header.archiveId()))) {
            throw new WrongKeyException("wrong key: key '" + key.keyId() + "' is not the key archive "
                    + header.archiveIdHex() + " was encrypted with (same id, different key material)");
        }
        this.crypto = new ChunkCrypto(key, header, decoded.bytes());
        this.budget = budget;
        this.parallel = parallel;
        int maxSealed = ArchiveWriter.maxCompressed(header.chunkSize()) + ChunkCrypto.TAG_BYTES;
        if (parallel) {
            for (int i = 0; i < ArchiveWorkers.IN_FLIGHT; i++) {
                idle.add(new Slot(budget.allocate(maxSealed), budget.allocate(maxSealed),
                        budget.allocate(header.chunkSize())));
            }
            this.sealed = new byte[0];
            this.compressed = new byte[0];
            this.plain = new byte[0];
            this.zstd = null;
        } else {
            this.sealed = budget.allocate(maxSealed);
            this.compressed = budget.allocate(maxSealed);
            this.plain = budget.allocate(header.chunkSize());
            this.zstd = new ZstdDecompressCtx();
        }
    }

    public ArchiveHeader header() {
        return header;
    }

    /** Plaintext bytes handed out so far; all of them once the stream reported its end. */
    public long plaintextBytes() {
        return plainLength;
    }

    public BufferBudget budget() {
        return budget;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (position == limit) {
            if (finished) {
                return -1;
            }
            if (parallel) {
                nextChunkInOrder();
            } else {
                nextChunk();
            }
        }
        int n = Math.min(len, limit - position);
        System.arraycopy(parallel ? Objects.requireNonNull(current).plain : plain, position, b, off, n);
        position += n;
        return n;
    }

    private void nextChunk() throws IOException {
        long chunkOffset = offset;
        int length = readFrame(sealed);
        byte flag = lastFlag;
        int opened = open(chunkIndex, chunkOffset, flag, sealed, length, compressed);
        if (flag == ChunkCrypto.FINAL) {
            verifyTrailer(compressed, opened, chunkOffset);
        } else {
            int size = decompress(Objects.requireNonNull(zstd), chunkIndex, chunkOffset, compressed, opened, plain);
            if (signedPlainSha256 == null) {
                plainSha256.update(plain, 0, size);
            }
            plainLength += size;
            position = 0;
            limit = size;
        }
        chunkIndex++;
    }

    /** Reads and checks one record's frame and its sealed bytes into {@code into}; returns the sealed length. */
    private int readFrame(byte[] into) throws IOException {
        long chunkOffset = offset;
        byte[] frame = source.readNBytes(5);
        offset += frame.length;
        if (frame.length == 0) {
            throw new ArchiveCorruptedException("archive truncated: it ends after chunk " + (chunkIndex - 1)
                    + " at offset " + chunkOffset + " without the final chunk");
        }
        if (frame.length < 5) {
            throw new ArchiveCorruptedException("archive truncated inside the frame of chunk " + chunkIndex
                    + " at offset " + chunkOffset);
        }
        var frameBuffer = ByteBuffer.wrap(frame);
        int length = frameBuffer.getInt();
        byte flag = frameBuffer.get();
        if (length < ChunkCrypto.TAG_BYTES || length > into.length) {
            throw new ArchiveCorruptedException("chunk " + chunkIndex + " at offset " + chunkOffset + " declares "
                    + Integer.toUnsignedString(length) + " bytes; allowed " + ChunkCrypto.TAG_BYTES + "-" + into.length);
        }
        if (flag != ChunkCrypto.DATA && flag != ChunkCrypto.FINAL) {
            throw new ArchiveCorruptedException("chunk " + chunkIndex + " at offset " + chunkOffset
                    + " has unknown flag " + flag);
        }
        int read = source.readNBytes(into, 0, length);
        offset += read;
        if (read < length) {
            throw new ArchiveCorruptedException("archive truncated inside chunk " + chunkIndex + " at offset "
                    + chunkOffset + ": " + read + " of " + length + " bytes present");
        }
        lastFlag = flag;
        return length;
    }

    private int open(long index, long chunkOffset, byte flag, byte[] sealedBytes, int length, byte[] out)
            throws ArchiveCorruptedException {
        try {
            return crypto.open(index, flag, sealedBytes, length, out);
        } catch (AEADBadTagException e) {
            throw new ArchiveCorruptedException("chunk " + index + " at offset " + chunkOffset
                    + " failed authentication: altered, reordered, duplicated, or its final flag changed");
        } catch (GeneralSecurityException e) {
            throw new ArchiveCorruptedException("chunk " + index + " at offset " + chunkOffset
                    + " could not be decrypted", e);
        }
    }

    private static int decompress(ZstdDecompressCtx context, long index, long chunkOffset, byte[] compressedBytes,
            int length, byte[] out) throws ArchiveCorruptedException {
        try {
            return context.decompressByteArray(out, 0, out.length, compressedBytes, 0, length);
        } catch (ZstdException e) {
            throw new ArchiveCorruptedException("chunk " + index + " at offset " + chunkOffset
                    + " does not decompress into " + out.length + " bytes", e);
        }
    }

    /** Parallel mode: hands out the next chunk in order, reading further ahead first. */
    private void nextChunkInOrder() throws IOException {
        if (current != null) {
            idle.add(current);
            current = null;
        }
        readAhead();
        Slot slot = ahead.poll();
        if (slot != null) {
            try {
                slot.hashed.join();
            } catch (CompletionException e) {
                throw new IOException("reading chunk " + slot.index + " failed", e.getCause());
            }
            if (slot.failure != null) {
                throw slot.failure;
            }
            plainLength += slot.size;
            current = slot;
            position = 0;
            limit = slot.size;
            return;
        }
        if (failureAhead != null) {
            throw failureAhead;
        }
        Slot last = Objects.requireNonNull(finalRecord);
        int opened = open(last.index, last.offset, ChunkCrypto.FINAL, last.sealed, last.sealedLength, last.compressed);
        verifyTrailer(last.compressed, opened, last.offset);
    }

    /** Reads records into idle slots and hands data chunks to the workers, until the slots or the records run out. */
    private void readAhead() {
        while (!idle.isEmpty() && finalRecord == null && failureAhead == null) {
            Slot slot = idle.poll();
            slot.index = chunkIndex;
            slot.offset = offset;
            try {
                slot.sealedLength = readFrame(slot.sealed);
            } catch (IOException e) {
                failureAhead = e;
                idle.add(slot);
                return;
            }
            chunkIndex++;
            if (lastFlag == ChunkCrypto.FINAL) {
                finalRecord = slot;
                return;
            }
            slot.failure = null;
            CompletableFuture<Void> decoded = CompletableFuture.runAsync(() -> slot.decode(this), ArchiveWorkers.pool());
            if (signedPlainSha256 != null) {
                slot.hashed = decoded;
            } else {
                // Hashing stays in chunk order: each chunk's hash waits for its own decoding and the previous hash.
                slot.hashed = decoded.thenCombineAsync(hashedSoFar, (a, b) -> {
                    if (slot.failure == null) {
                        plainSha256.update(slot.plain, 0, slot.size);
                    }
                    return null;
                }, ArchiveWorkers.pool());
                hashedSoFar = slot.hashed;
            }
            ahead.add(slot);
        }
    }

    private void verifyTrailer(byte[] opened, int length, long chunkOffset) throws IOException {
        long index = parallel ? Objects.requireNonNull(finalRecord).index : chunkIndex;
        if (length != ArchiveWriter.TRAILER_BYTES) {
            throw new ArchiveCorruptedException("final chunk " + index + " at offset " + chunkOffset
                    + " has " + length + " bytes, expected " + ArchiveWriter.TRAILER_BYTES);
        }
        var trailer = ByteBuffer.wrap(opened, 0, length);
        long declaredLength = trailer.getLong();
        byte[] declaredSha256 = new byte[32];
        trailer.get(declaredSha256);
        if (declaredLength != plainLength) {
            throw new ArchiveCorruptedException("final chunk declares " + declaredLength + " plaintext bytes but "
                    + plainLength + " were read");
        }
        if (signedPlainSha256 != null) {
            if (!MessageDigest.isEqual(declaredSha256, signedPlainSha256)) {
                throw new ArchiveCorruptedException("final chunk " + index + " declares a plaintext SHA-256 other than"
                        + " the signed manifest's");
            }
        } else if (!Arrays.equals(declaredSha256, plainSha256.digest())) {
            throw new ArchiveCorruptedException("plaintext SHA-256 does not match the final chunk");
        }
        if (source.read() != -1) {
            throw new ArchiveCorruptedException("unexpected bytes after the final chunk at offset " + offset);
        }
        finished = true;
        position = 0;
        limit = 0;
    }

    @Override
    public void close() throws IOException {
        if (zstd != null) {
            zstd.close();
        }
        source.close();
    }

    /** One chunk read ahead: its sealed record, then its plaintext once a worker opened and decompressed it. */
    private static final class Slot {
        final byte[] sealed;
        final byte[] compressed;
        final byte[] plain;
        long index;
        long offset;
        int sealedLength;
        int size;
        @Nullable ArchiveCorruptedException failure;
        CompletableFuture<Void> hashed = CompletableFuture.completedFuture(null);

        Slot(byte[] sealed, byte[] compressed, byte[] plain) {
            this.sealed = sealed;
            this.compressed = compressed;
            this.plain = plain;
        }

        /** Runs on a worker. */
        void decode(ArchiveReader reader) {
            try {
                int opened = reader.open(index, offset, ChunkCrypto.DATA, sealed, sealedLength, compressed);
                size = decompress(ArchiveWorkers.current().decompress, index, offset, compressed, opened, plain);
            } catch (ArchiveCorruptedException e) {
                failure = e;
            }
        }
    }
}
