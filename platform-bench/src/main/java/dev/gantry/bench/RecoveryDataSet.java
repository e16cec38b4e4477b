package dev.gantry.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic data set for the recovery benchmark, like a database server's backup directory: 60 % SQL dump
 * text (a few large dump files), 20 % random binary (already compressed uploads, nothing to gain), 20 % structured
 * binary (fixed-width records with slowly changing values, which compress about twofold). Same seed, same bytes:
 * the digest printed at the end names the data set.
 */
final class RecoveryDataSet {

    static final int VERSION = 1;
    private static final String MARKER = ".gantry-bench-dataset";
    private static final int MIB = 1 << 20;
    private static final List<String> WORDS = List.of("deploy", "invoice", "paid", "pending", "refunded", "shipped",
            "eu-west-1", "us-east-2", "premium", "standard", "trial", "renewal", "discount", "voucher", "warehouse",
            "Berlin", "Lisbon", "Toronto", "Osaka", "retry", "timeout", "approved", "rejected", "backorder");

    private RecoveryDataSet() {
    }

    /** Generates the data set into {@code root} unless a complete one of the same size is there; returns its digest. */
    static String ensure(Path root, int mebibytes) throws IOException {
        Path marker = root.resolve(MARKER);
        String expected = "version=" + VERSION + " mib=" + mebibytes;
        if (Files.exists(marker)) {
            String line = Files.readString(marker).strip();
            if (line.startsWith(expected + " ")) {
                return line.substring(line.lastIndexOf('=') + 1);
            }
            throw new IOException(root + " holds another data set (" + line + "); use an empty directory");
        }
        try (var entries = Files.list(Files.createDirectories(root))) {
            if (entries.findAny().isPresent()) {
                throw new IOException(root + " is not empty and holds no complete data set; use an empty directory");
            }
        }
        String digest = generate(root, mebibytes);
        Files.writeString(marker, expected + " sha256=" + digest + "\n");
        return digest;
    }

    private static String generate(Path root, int mebibytes) throws IOException {
        MessageDigest all = sha256();
        long sqlBudget = (long) mebibytes * MIB * 6 / 10;
        long randomBudget = (long) mebibytes * MIB * 2 / 10;
        long structuredBudget = (long) mebibytes * MIB - sqlBudget - randomBudget;
        var random = new SplittableRandom(20261122L);
        int[] dumpMib = {200, 150, 100, 64, 50, 32, 16, 8};
        int file = 0;
        for (long left = sqlBudget; left > 0; file++) {
            long size = Math.min(left, (long) dumpMib[file % dumpMib.length] * MIB);
            writeSql(root.resolve("db").resolve("dump-" + file + ".sql"), size, random.split(), all);
            left -= size;
        }
        for (long left = randomBudget; left > 0; file++) {
            long size = Math.min(left, (1 + random.nextInt(16)) * (long) MIB + random.nextInt(4096));
            writeRandom(root.resolve("uploads").resolve("u" + (file % 8)).resolve("blob-" + file + ".bin"), size,
                    random.split(), all);
            left -= size;
        }
        for (long left = structuredBudget; left > 0; file++) {
            long size = Math.min(left, (4 + random.nextInt(29)) * (long) MIB);
            writeRecords(root.resolve("metrics").resolve("series-" + file + ".dat"), size, random.split(), all);
            left -= size;
        }
        return HexFormat.of().formatHex(all.digest());
    }

    private static void writeSql(Path path, long size, SplittableRandom random, MessageDigest all) throws IOException {
        try (var out = new Sink(path, size, all)) {
            out.text("-- PostgreSQL database dump\nSET client_encoding = 'UTF8';\n"
                    + "CREATE TABLE public.orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL, status text,"
                    + " total numeric(12,2), region text, created_at timestamptz, note text);\n");
            long id = 1_000_000 + random.nextInt(1000);
            long epochSecond = 1_700_000_000L;
            var line = new StringBuilder(256);
            while (!out.full()) {
                line.setLength(0);
                id += 1 + random.nextInt(3);
                epochSecond += random.nextInt(90);
                line.append("INSERT INTO public.orders VALUES (").append(id).append(", ")
                        .append(10_000 + random.nextInt(90_000)).append(", '")
                        .append(WORDS.get(random.nextInt(6))).append("', ")
                        .append(random.nextInt(5000)).append('.').append(random.nextInt(10)).append(random.nextInt(10))
                        .append(", '").append(WORDS.get(6 + random.nextInt(2))).append("', to_timestamp(")
                        .append(epochSecond).append("), '");
                int words = random.nextInt(7);
                for (int w = 0; w < words; w++) {
                    line.append(w == 0 ? "" : " ").append(WORDS.get(random.nextInt(WORDS.size())));
                }
                line.append("');\n");
                out.text(line);
            }
        }
    }

    private static void writeRandom(Path path, long size, SplittableRandom random, MessageDigest all) throws IOException {
        byte[] block = new byte[MIB];
        try (var out = new Sink(path, size, all)) {
            while (!out.full()) {
                random.nextBytes(block);
                out.bytes(block);
            }
        }
    }

    private static void writeRecords(Path path, long size, SplittableRandom random, MessageDigest all) throws IOException {
        var block = ByteBuffer.allocate(MIB).order(ByteOrder.LITTLE_ENDIAN);
        long sequence = random.nextInt(1 << 20);
        long timestamp = 1_700_000_000_000L;
        double value = 20.0;
        try (var out = new Sink(path, size, all)) {
            while (!out.full()) {
                block.clear();
                while (block.remaining() >= 32) {
                    sequence++;
                    timestamp += 1000 + random.nextInt(20);
                    value += random.nextGaussian() * 0.05;
                    block.putLong(sequence).putLong(timestamp).putInt(random.nextInt(64)).putFloat((float) value)
                            .putLong(random.nextInt(8) == 0 ? random.nextLong() : 0L);
                }
                out.bytes(block.array(), block.position());
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes exactly {@code size} bytes, cutting the last write, and feeds them to the data set digest. */
    private static final class Sink implements AutoCloseable {
        private final OutputStream out;
        private final MessageDigest all;
        private long left;

        Sink(Path path, long size, MessageDigest all) throws IOException {
            Files.createDirectories(path.getParent());
            this.out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
            this.left = size;
            this.all = all;
        }

        boolean full() {
            return left == 0;
        }

        void text(CharSequence text) throws IOException {
            bytes(text.toString().getBytes(StandardCharsets.UTF_8));
        }

        void bytes(byte[] bytes) throws IOException {
            bytes(bytes, bytes.length);
        }

        void bytes(byte[] bytes, int length) throws IOException {
            int n = (int) Math.min(length, left);
            out.write(bytes, 0, n);
            all.update(bytes, 0, n);
            left -= n;
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
