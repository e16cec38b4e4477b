package dev.gantry.recovery.internal.archive;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.List;

/** Counting, hashing and fan-out streams for the stored archive bytes. */
public final class DigestingStreams {

    private DigestingStreams() {
    }

    /** Writes every byte to all targets, counting and hashing them once. */
    public static final class FanOut extends OutputStream {
        private final List<? extends OutputStream> targets;
        private final MessageDigest sha256 = ChunkCrypto.newSha256();
        private long count;

        public FanOut(List<? extends OutputStream> targets) {
            this.targets = List.copyOf(targets);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            sha256.update(b, off, len);
            count += len;
            for (OutputStream target : targets) {
                target.write(b, off, len);
            }
        }

        public long count() {
            return count;
        }

        public byte[] sha256() {
            return sha256.digest();
        }
    }

    public static final class Hashing extends FilterInputStream {
        private final MessageDigest sha256 = ChunkCrypto.newSha256();
        private long count;

        public Hashing(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                sha256.update((byte) b);
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                sha256.update(b, off, n);
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) {
            return 0;
        }

        public long count() {
            return count;
        }

        public byte[] sha256() {
            return sha256.digest();
        }
    }
}
