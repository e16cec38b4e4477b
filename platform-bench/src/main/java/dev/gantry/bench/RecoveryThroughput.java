package dev.gantry.bench;

import dev.gantry.recovery.BackupKey;
import dev.gantry.recovery.BackupReader;
import dev.gantry.recovery.BackupWriter;
import dev.gantry.recovery.DirectoryLocation;
import dev.gantry.recovery.DirectoryTreeSource;
import dev.gantry.recovery.ManifestSigning;
import dev.gantry.recovery.TreeInventory;
import dev.gantry.recovery.TreeRestore;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.KeyPair;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;

/**
 * Backup and restore throughput of a whole directory tree through platform-recovery (tree stream, zstd level 3,
 * AES-256-GCM chunks, three SHA-256s, signed manifest, fsync), each measured against {@code tar -c | zstd -3} and
 * {@code zstd -d | tar -x} on the same data in the same round, so machine load hits both alike. Run by
 * {@code bench/recovery-1gib.sh}; not a JMH benchmark because one operation takes seconds and the external tools
 * are part of the comparison.
 *
 * <pre>java -Xmx256m -cp benchmarks.jar dev.gantry.bench.RecoveryThroughput DATA_DIR WORK_DIR ROUNDS [MIB]</pre>
 *
 * The heap is sampled every 2 ms during each Gantry phase (peak of {@link MemoryMXBean#getHeapMemoryUsage()}, which
 * counts garbage not yet collected), after a full GC so that each phase starts from the live set.
 */
public final class RecoveryThroughput {

    private static final BackupKey KEY = BackupKey.of("bench", new byte[32]);
    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    private RecoveryThroughput() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: RecoveryThroughput DATA_DIR WORK_DIR ROUNDS [MIB]");
        }
        Path data = Path.of(args[0]).toAbsolutePath();
        Path work = Path.of(args[1]).toAbsolutePath();
        int rounds = Integer.parseInt(args[2]);
        int mebibytes = args.length > 3 ? Integer.parseInt(args[3]) : 1024;

        long start = System.nanoTime();
        String digest = RecoveryDataSet.ensure(data, mebibytes);
        TreeInventory source = TreeInventory.scan(data);
        long bytes = source.totalFileBytes();
        OUT.printf("data set: %s, %d files, %.1f MiB (version %d, sha256 %s; ready in %.1f s)%n", data,
                source.entries().stream().filter(e -> e.size() > 0).count(), bytes / 1048576.0, RecoveryDataSet.VERSION,
                digest, (System.nanoTime() - start) / 1e9);
        OUT.printf("JVM %s, %d processors, max heap %d MiB%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

        RecoveryStageCosts.measure(data);
        var costs = RecoveryStageCosts.measure(data);
        OUT.printf("one thread, CPU s per GiB of plaintext (second pass): read %.2f, SHA-256 %.2f, zstd -3 in 64 KiB chunks %.2f,"
                        + " AES-256-GCM seal %.2f / open %.2f (compressed bytes), zstd decompress %.2f%n",
                costs.read(), costs.sha256(), costs.zstd3(), costs.seal(), costs.open(), costs.unzstd());

        Files.createDirectories(work);
        var sampler = new HeapSampler();
        KeyPair keys = ManifestSigning.newKeyPair();
        var location = new DirectoryLocation(work.resolve("archives"));
        var results = new ArrayList<Round>();
        OUT.println();
        OUT.println("             backup                                                   | restore");
        OUT.println("round load1 | tar|zstd MiB/s CPU s  Gantry MiB/s CPU s  ratio heap MiB | zstd|tar MiB/s CPU s"
                + "  Gantry MiB/s CPU s  ratio heap MiB | archive MiB tar.zst / Gantry");
        for (int round = 1; round <= rounds; round++) {
            double load = loadAverage();
            String name = "bench-" + round;
            Path tarZst = work.resolve("base.tar.zst");
            Path baseRestored = work.resolve("base-restored");
            Path gantryRestored = work.resolve("gantry-restored");

            Phase baseBackup = sampler.measureShell("set -eo pipefail; tar -cf - -C '" + data + "' . | zstd -3 -q -o '"
                    + tarZst + "'; sync '" + tarZst + "'");
            TreeInventory[] written = new TreeInventory[1];
            Phase gantryBackup = sampler.measure(() -> {
                try (var writer = BackupWriter.create(name, KEY, keys.getPrivate(), Clock.systemUTC(), List.of(location))) {
                    written[0] = DirectoryTreeSource.write(data, writer);
                }
            });
            Phase baseRestore = sampler.measureShell("set -eo pipefail; mkdir '" + baseRestored + "'; zstd -d -q -c '"
                    + tarZst + "' | tar -xf - -C '" + baseRestored + "'");
            TreeInventory[] restored = new TreeInventory[1];
            Phase gantryRestore = sampler.measure(() -> {
                try (var reader = BackupReader.open(location, name, KEY, keys.getPublic())) {
                    restored[0] = TreeRestore.restore(reader, gantryRestored);
                }
            });
            if (!written[0].equals(source) || !restored[0].equals(source)) {
                throw new IllegalStateException("round " + round + ": backup or restore does not match the data set");
            }
            var result = new Round(round, load, bytes, baseBackup, gantryBackup, baseRestore, gantryRestore,
                    Files.size(tarZst), Files.size(work.resolve("archives").resolve(name)));
            results.add(result);
            OUT.println(result.line());

            location.delete(name);
            location.delete(name + ".manifest");
            Files.delete(tarZst);
            deleteTree(baseRestored);
            deleteTree(gantryRestored);
        }
        summary(results);
        sampler.stop();
    }

    private static void summary(List<Round> results) {
        List<Round> warm = results.size() >= 3 ? results.subList(1, results.size()) : results;
        OUT.println();
        OUT.printf("median of rounds %d-%d%s:%n", warm.getFirst().number(), warm.getLast().number(),
                results.size() >= 3 ? " (round 1, a cold JVM, left out)" : "");
        OUT.printf("  backup:  tar|zstd %.0f MiB/s, Gantry %.0f MiB/s, ratio %.2f (range %.2f-%.2f); CPU s per GiB %.2f vs %.2f;"
                        + " Gantry peak heap %.0f MiB, %.0f MiB allocated%n",
                median(warm, r -> r.rate(r.baseBackup())), median(warm, r -> r.rate(r.gantryBackup())),
                median(warm, Round::backupRatio), min(warm, Round::backupRatio), max(warm, Round::backupRatio),
                median(warm, r -> r.perGib(r.baseBackup().cpuSeconds())), median(warm, r -> r.perGib(r.gantryBackup().cpuSeconds())),
                max(warm, r -> r.gantryBackup().peakHeap() / 1048576.0),
                median(warm, r -> r.gantryBackup().allocatedBytes() / 1048576.0));
        OUT.printf("  restore: zstd|tar %.0f MiB/s, Gantry %.0f MiB/s, ratio %.2f (range %.2f-%.2f); CPU s per GiB %.2f vs %.2f;"
                        + " Gantry peak heap %.0f MiB, %.0f MiB allocated%n",
                median(warm, r -> r.rate(r.baseRestore())), median(warm, r -> r.rate(r.gantryRestore())),
                median(warm, Round::restoreRatio), min(warm, Round::restoreRatio), max(warm, Round::restoreRatio),
                median(warm, r -> r.perGib(r.baseRestore().cpuSeconds())), median(warm, r -> r.perGib(r.gantryRestore().cpuSeconds())),
                max(warm, r -> r.gantryRestore().peakHeap() / 1048576.0),
                median(warm, r -> r.gantryRestore().allocatedBytes() / 1048576.0));
        OUT.printf("  Gantry CPU s per GiB on the calling thread: backup %.2f, restore %.2f (the rest on the workers, GC, JIT)%n",
                median(warm, r -> r.perGib(r.gantryBackup().callerCpuSeconds())),
                median(warm, r -> r.perGib(r.gantryRestore().callerCpuSeconds())));
        OUT.printf("  load average (1 min) at round starts: %.2f-%.2f%n", min(results, Round::load), max(results, Round::load));
    }

    /**
     * Wall seconds, CPU seconds (all threads of the JVM, or of the shell's children), CPU seconds of the calling
     * thread alone (the rest ran on the archive workers, the GC and the JIT), peak heap, bytes allocated.
     */
    record Phase(double seconds, double cpuSeconds, double callerCpuSeconds, long peakHeap, long allocatedBytes) {
    }

    record Round(int number, double load, long bytes, Phase baseBackup, Phase gantryBackup, Phase baseRestore,
            Phase gantryRestore, long tarZstBytes, long archiveBytes) {

        double rate(Phase phase) {
            return bytes / 1048576.0 / phase.seconds();
        }

        double perGib(double seconds) {
            return seconds / (bytes / 1073741824.0);
        }

        double backupRatio() {
            return baseBackup.seconds() / gantryBackup.seconds();
        }

        double restoreRatio() {
            return baseRestore.seconds() / gantryRestore.seconds();
        }

        String line() {
            return String.format("%5d %5.2f | %14.0f %5.1f %13.0f %5.1f %6.2f %8.0f | %14.0f %5.1f %13.0f %5.1f %6.2f %8.0f"
                            + " | %.1f / %.1f",
                    number, load, rate(baseBackup), baseBackup.cpuSeconds(), rate(gantryBackup), gantryBackup.cpuSeconds(),
                    backupRatio(), gantryBackup.peakHeap() / 1048576.0, rate(baseRestore), baseRestore.cpuSeconds(),
                    rate(gantryRestore), gantryRestore.cpuSeconds(), restoreRatio(), gantryRestore.peakHeap() / 1048576.0,
                    tarZstBytes / 1048576.0, archiveBytes / 1048576.0);
        }
    }

    /** Samples used heap on a daemon thread; each measurement starts after a full GC. */
    static final class HeapSampler {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        private final com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        private final AtomicLong peak = new AtomicLong();
        private final Thread thread;
        private volatile boolean running = true;

        HeapSampler() {
            thread = Thread.ofPlatform().daemon().name("heap-sampler").start(() -> {
                while (running) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        /** Measures work done in this JVM. */
        Phase measure(Action action) throws Exception {
            System.gc();
            peak.set(memory.getHeapMemoryUsage().getUsed());
            long allocated = threads.getTotalThreadAllocatedBytes();
            long cpu = os.getProcessCpuTime();
            long callerCpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            action.run();
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Phase(seconds, (os.getProcessCpuTime() - cpu) / 1e9,
                    (threads.getCurrentThreadCpuTime() - callerCpu) / 1e9, peak.get(),
                    threads.getTotalThreadAllocatedBytes() - allocated);
        }

        /** Measures a shell command; its CPU time is what bash's {@code times} reports for its children. */
        Phase measureShell(String command) throws Exception {
            long start = System.nanoTime();
            Process process = new ProcessBuilder("bash", "-c", command + "\ntimes")
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String times = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            int exit = process.waitFor();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (exit != 0) {
                throw new IOException("'" + command + "' exited with " + exit);
            }
            String[] children = times.strip().split("\n")[1].split("\\s+");
            return new Phase(seconds, shellSeconds(children[0]) + shellSeconds(children[1]), 0, 0, 0);
        }

        /** Bash's {@code 1m2.345s}. */
        private static double shellSeconds(String value) {
            int m = value.indexOf('m');
            return Integer.parseInt(value.substring(0, m)) * 60 + Double.parseDouble(value.substring(m + 1, value.length() - 1));
        }

        void stop() {
            running = false;
            thread.interrupt();
        }
    }

    interface Action {
        void run() throws Exception;
    }

    private static double loadAverage() throws IOException {
        return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }

    private static double median(List<Round> rounds, ToDoubleFunction<Round> value) {
        double[] values = rounds.stream().mapToDouble(value).sorted().toArray();
        int mid = values.length / 2;
        return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    private static double min(List<Round> rounds, ToDoubleFunction<Round> value) {
        return rounds.stream().mapToDouble(value).min().orElseThrow();
    }

    private static double max(List<Round> rounds, ToDoubleFunction<Round> value) {
        return rounds.stream().mapToDouble(value).max().orElseThrow();
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
