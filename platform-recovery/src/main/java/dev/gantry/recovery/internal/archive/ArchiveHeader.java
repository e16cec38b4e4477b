package dev.gantry.recovery.internal.archive;

import dev.gantry.recovery.ArchiveCorruptedException;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.CRC32C;

/** The archive header (see docs/recovery-archive-format.md); its exact bytes are bound into every chunk. */
public record ArchiveHeader(String keyId, byte[] archiveId, byte[] noncePrefix, byte[] keyCheck, int chunkSize) {

    static final byte[] MAGIC = "GANTRYBK".getBytes(StandardCharsets.US_ASCII);
    static final int FORMAT_VERSION = 1;
    public static final int MAX_CHUNK_SIZE = 256 * 1024;
    /**
     * 64 KiB, not the 256 KiB maximum: the JDK compiles its AES-GCM intrinsic path only after many calls, so fewer,
     * larger chunks leave the first few hundred MiB of every backup on the slow interpreted path (measured).
     */
    public static final int DEFAULT_CHUNK_SIZE = 64 * 1024;
    static final int ARCHIVE_ID_BYTES = 16;
    static final int NONCE_PREFIX_BYTES = 4;
    static final int KEY_CHECK_BYTES = 16;
    private static final int MAX_KEY_ID_BYTES = 64;

    public String archiveIdHex() {
        return HexFormat.of().formatHex(archiveId);
    }

    byte[] encode() {
        try {
            var bytes = new ByteArrayOutputStream();
            var out = new DataOutputStream(bytes);
            out.write(MAGIC);
            out.writeShort(FORMAT_VERSION);
            byte[] id = keyId.getBytes(StandardCharsets.UTF_8);
            out.writeByte(id.length);
            out.write(id);
            out.write(archiveId);
            out.write(noncePrefix);
            out.write(keyCheck);
            out.writeInt(chunkSize);
            var crc = new CRC32C();
            crc.update(bytes.toByteArray());
            out.writeInt((int) crc.getValue());
            return bytes.toByteArray();
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Reads and checks a header; returns it with the exact bytes read, which the chunks authenticate. */
    static Decoded decode(InputStream in) throws IOException {
        var raw = new ByteArrayOutputStream();
        var data = new DataInputStream(new TeeInput(in, raw));
        try {
            byte[] magic = data.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new ArchiveCorruptedException("not a Gantry backup archive: bad magic at offset 0");
            }
            int version = data.readUnsignedShort();
            if (version != FORMAT_VERSION) {
                throw new ArchiveCorruptedException("unsupported archive format version " + version + " at offset 8");
            }
            int keyIdLength = data.readUnsignedByte();
            if (keyIdLength == 0 || keyIdLength > MAX_KEY_ID_BYTES) {
                throw new ArchiveCorruptedException("header declares a key id of " + keyIdLength
                        + " bytes at offset 10 (allowed 1-" + MAX_KEY_ID_BYTES + ")");
            }
            String keyId = new String(readExactly(data, keyIdLength), StandardCharsets.UTF_8);
            byte[] archiveId = readExactly(data, ARCHIVE_ID_BYTES);
            byte[] noncePrefix = readExactly(data, NONCE_PREFIX_BYTES);
            byte[] keyCheck = readExactly(data, KEY_CHECK_BYTES);
            int chunkSize = data.readInt();
            var crc = new CRC32C();
            crc.update(raw.toByteArray());
            int storedCrc = data.readInt();
            if (storedCrc != (int) crc.getValue()) {
                throw new ArchiveCorruptedException("header checksum mismatch (header bytes 0-" + (raw.size() - 5) + ")");
            }
            if (chunkSize <= 0 || chunkSize > MAX_CHUNK_SIZE) {
                throw new ArchiveCorruptedException("header declares chunk size " + chunkSize + " (allowed 1-" + MAX_CHUNK_SIZE + ")");
            }
            return new Decoded(new ArchiveHeader(keyId, archiveId, noncePrefix, keyCheck, chunkSize), raw.toByteArray());
        } catch (EOFException e) {
            throw new ArchiveCorruptedException("archive truncated inside the header (" + raw.size() + " bytes read)");
        }
    }

    private static byte[] readExactly(DataInputStream in, int length) throws IOException {
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }

    @Override
    public String toString() {
        return "ArchiveHeader[keyId=" + keyId + ", archiveId=" + archiveIdHex() + ", chunkSize=" + chunkSize + "]";
    }

    record Decoded(ArchiveHeader header, byte[] bytes) {
    }

    private static final class TeeInput extends InputStream {
        private final InputStream in;
        private final ByteArrayOutputStream copy;

        TeeInput(InputStream in, ByteArrayOutputStream copy) {
            this.in = in;
            this.copy = copy;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                copy.write(b);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                copy.write(b, off, n);
            }
            return n;
        }
    }
}
