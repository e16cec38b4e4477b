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
import org.jspecify.annotations.Nullable;

/**
 * Writes plaintext as an archive: fixed-size chunks, each compressed then sealed, then a final chunk carrying the
 * plaintext length and SHA-256. Holds one chunk of plaintext and its two working buffers, whatever the size.
 * {@link #close()} finishes the archive but leaves the sink open: whoever owns the sink decides when it commits.
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
    private final MessageDigest plainSha256 = ChunkCrypto.newSha256();
    /** One context for all chunks: a fresh one per chunk costs more than compressing 256 KiB. */
    private final ZstdCompressCtx zstd = new ZstdCompressCtx().setLevel(ZSTD_LEVEL);
    private int filled;
    private long chunkIndex;
    private long plainLength;
    private boolean closed;
    private byte @Nullable [] finalDigest;

    public ArchiveWriter(OutputStream sink, BackupKey key, int chunkSize, SecureRandom random, BufferBudget budget)
            throws IOException {
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
        this.plain = budget.allocate(chunkSize);
        this.compressed = budget.allocate(maxCompressed(chunkSize));
        this.sealed = budget.allocate(maxCompressed(chunkSize) + ChunkCrypto.TAG_BYTES);
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
            size = zstd.compressByteArray(compressed, 0, compressed.length, plain, 0, filled);
        } catch (ZstdException e) {
            throw new IOException("zstd compression of chunk " + chunkIndex + " failed", e);
        }
        writeRecord(ChunkCrypto.DATA, compressed, size);
        filled = 0;
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
        if (filled > 0) {
            writeDataChunk();
        }
        finalDigest = plainSha256.digest();
        byte[] trailer = ByteBuffer.allocate(TRAILER_BYTES).putLong(plainLength).put(finalDigest).array();
        writeRecord(ChunkCrypto.FINAL, trailer, trailer.length);
        sink.flush();
        closed = true;
        zstd.close();
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("archive already closed");
        }
    }

    public BufferBudget budget() {
        return budget;
    }
}
