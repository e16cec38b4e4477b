package dev.gantry.bench;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.List;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * What each step of the archive pipeline costs on one thread, per GiB of the data set's plaintext, in CPU seconds
 * of the measuring thread: the budget the parallel pipeline splits over the cores. Chunks of 64 KiB as the archive
 * writes them; AES-GCM works on the compressed bytes.
 */
final class RecoveryStageCosts {

    private static final int CHUNK = 64 * 1024;

    private RecoveryStageCosts() {
    }

    record Costs(double read, double sha256, double zstd3, double seal, double open, double unzstd) {
    }

    static Costs measure(Path root) throws IOException, GeneralSecurityException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        byte[] plain = new byte[CHUNK];
        byte[] compressed = new byte[(int) Zstd.compressBound(CHUNK)];
        byte[] sealed = new byte[compressed.length + 16];
        byte[] back = new byte[CHUNK];
        var sha = MessageDigest.getInstance("SHA-256");
        var cipher = Cipher.getInstance("AES/GCM/NoPadding");
        var key = new SecretKeySpec(new byte[32], "AES");
        long[] nanos = new long[6];
        long bytes = 0;
        long index = 0;
        try (var compress = new ZstdCompressCtx().setLevel(3); var decompress = new ZstdDecompressCtx()) {
            for (Path file : files) {
                try (InputStream in = Files.newInputStream(file)) {
                    while (true) {
                        long t = threads.getCurrentThreadCpuTime();
                        int n = in.readNBytes(plain, 0, CHUNK);
                        long t1 = threads.getCurrentThreadCpuTime();
                        nanos[0] += t1 - t;
                        if (n == 0) {
                            break;
                        }
                        bytes += n;
                        sha.update(plain, 0, n);
                        long t2 = threads.getCurrentThreadCpuTime();
                        int size = compress.compressByteArray(compressed, 0, compressed.length, plain, 0, n);
                        long t3 = threads.getCurrentThreadCpuTime();
                        byte[] nonce = ByteBuffer.allocate(12).putLong(4, index++).array();
                        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
                        int sealedLength = cipher.doFinal(compressed, 0, size, sealed, 0);
                        long t4 = threads.getCurrentThreadCpuTime();
                        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, nonce));
                        int opened = cipher.doFinal(sealed, 0, sealedLength, compressed, 0);
                        long t5 = threads.getCurrentThreadCpuTime();
                        decompress.decompressByteArray(back, 0, back.length, compressed, 0, opened);
                        long t6 = threads.getCurrentThreadCpuTime();
                        nanos[1] += t2 - t1;
                        nanos[2] += t3 - t2;
                        nanos[3] += t4 - t3;
                        nanos[4] += t5 - t4;
                        nanos[5] += t6 - t5;
                    }
                }
            }
        }
        double gib = bytes / 1073741824.0;
        return new Costs(nanos[0] / 1e9 / gib, nanos[1] / 1e9 / gib, nanos[2] / 1e9 / gib, nanos[3] / 1e9 / gib,
                nanos[4] / 1e9 / gib, nanos[5] / 1e9 / gib);
    }
}
