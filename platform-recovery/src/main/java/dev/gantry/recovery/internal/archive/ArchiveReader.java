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
import java.util.Arrays;
import javax.crypto.AEADBadTagException;

/**
 * Reads an archive back as plaintext, one authenticated chunk at a time. Bytes handed out before the end are
 * authentic chunk by chunk, but the archive as a whole (nothing dropped at the end, the plaintext digest) is only
 * proven when this stream reports end of file: a consumer that must be all-or-nothing reads to -1 before it commits.
 */
public final class ArchiveReader extends InputStream {

    private final InputStream source;
    private final ArchiveHeader header;
    private final ChunkCrypto crypto;
    private final byte[] sealed;
    private final byte[] compressed;
    private final byte[] plain;
    private final MessageDigest plainSha256 = ChunkCrypto.newSha256();
    private final BufferBudget budget;
    private final ZstdDecompressCtx zstd = new ZstdDecompressCtx();
    private long offset;
    private long chunkIndex;
    private long plainLength;
    private int position;
    private int limit;
    private boolean finished;

    public ArchiveReader(InputStream source, BackupKey key, BufferBudget budget) throws IOException {
        this.source = source;
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
        int maxSealed = ArchiveWriter.maxCompressed(header.chunkSize()) + ChunkCrypto.TAG_BYTES;
        this.sealed = budget.allocate(maxSealed);
        this.compressed = budget.allocate(maxSealed);
        this.plain = budget.allocate(header.chunkSize());
    }

    public ArchiveHeader header() {
        return header;
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
            nextChunk();
        }
        int n = Math.min(len, limit - position);
        System.arraycopy(plain, position, b, off, n);
        position += n;
        return n;
    }

    private void nextChunk() throws IOException {
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
        if (length < ChunkCrypto.TAG_BYTES || length > sealed.length) {
            throw new ArchiveCorruptedException("chunk " + chunkIndex + " at offset " + chunkOffset + " declares "
                    + Integer.toUnsignedString(length) + " bytes; allowed " + ChunkCrypto.TAG_BYTES + "-" + sealed.length);
        }
        if (flag != ChunkCrypto.DATA && flag != ChunkCrypto.FINAL) {
            throw new ArchiveCorruptedException("chunk " + chunkIndex + " at offset " + chunkOffset
                    + " has unknown flag " + flag);
        }
        int read = source.readNBytes(sealed, 0, length);
        offset += read;
        if (read < length) {
            throw new ArchiveCorruptedException("archive truncated inside chunk " + chunkIndex + " at offset "
                    + chunkOffset + ": " + read + " of " + length + " bytes present");
        }
        int opened;
        try {
            opened = crypto.open(chunkIndex, flag, sealed, length, compressed);
        } catch (AEADBadTagException e) {
            throw new ArchiveCorruptedException("chunk " + chunkIndex + " at offset " + chunkOffset
                    + " failed authentication: altered, reordered, duplicated, or its final flag changed");
        } catch (GeneralSecurityException e) {
            throw new ArchiveCorruptedException("chunk " + chunkIndex + " at offset " + chunkOffset
                    + " could not be decrypted", e);
        }
        if (flag == ChunkCrypto.FINAL) {
            verifyTrailer(opened, chunkOffset);
        } else {
            int size;
            try {
                size = zstd.decompressByteArray(plain, 0, plain.length, compressed, 0, opened);
            } catch (ZstdException e) {
                throw new ArchiveCorruptedException("chunk " + chunkIndex + " at offset " + chunkOffset
                        + " does not decompress into " + plain.length + " bytes", e);
            }
            plainSha256.update(plain, 0, size);
            plainLength += size;
            position = 0;
            limit = size;
        }
        chunkIndex++;
    }

    private void verifyTrailer(int length, long chunkOffset) throws IOException {
        if (length != ArchiveWriter.TRAILER_BYTES) {
            throw new ArchiveCorruptedException("final chunk " + chunkIndex + " at offset " + chunkOffset
                    + " has " + length + " bytes, expected " + ArchiveWriter.TRAILER_BYTES);
        }
        var trailer = ByteBuffer.wrap(compressed, 0, length);
        long declaredLength = trailer.getLong();
        byte[] declaredSha256 = new byte[32];
        trailer.get(declaredSha256);
        if (declaredLength != plainLength) {
            throw new ArchiveCorruptedException("final chunk declares " + declaredLength + " plaintext bytes but "
                    + plainLength + " were read");
        }
        if (!Arrays.equals(declaredSha256, plainSha256.digest())) {
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
        zstd.close();
        source.close();
    }
}
