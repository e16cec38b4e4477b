import dev.gantry.recovery.BackupKey;
import dev.gantry.recovery.BackupReader;
import dev.gantry.recovery.BackupWriter;
import dev.gantry.recovery.DirectoryLocation;
import dev.gantry.recovery.DirectoryTreeSource;
import dev.gantry.recovery.ManifestSigning;
import dev.gantry.recovery.TreeRestore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Random;

/**
 * Run by bench/backup-throughput.sh. "generate DIR MIB" writes a mixed tree (log-like text and random binary);
 * "run TREE WORK ROUNDS" backs it up and restores it ROUNDS times.
 */
class BackupThroughput {

    static final BackupKey KEY = BackupKey.of("bench", new byte[32]);

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "generate" -> generate(Path.of(args[1]), Integer.parseInt(args[2]));
            case "run" -> run(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    /**
     * Backs up and restores the tree several times in one JVM: the first round shows a cold start (the JDK's
     * AES-GCM is slow until compiled), later rounds a warm server. Prints seconds per round.
     */
    static void run(Path tree, Path work, int rounds) throws Exception {
        var location = new DirectoryLocation(work.resolve("archives"));
        var keys = ManifestSigning.newKeyPair();
        for (int round = 1; round <= rounds; round++) {
            String name = "b" + round;
            long start = System.nanoTime();
            try (var writer = BackupWriter.create(name, KEY, keys.getPrivate(), Clock.systemUTC(), List.of(location))) {
                DirectoryTreeSource.write(tree, writer);
            }
            long backed = System.nanoTime();
            try (var reader = BackupReader.open(location, name, KEY, keys.getPublic())) {
                TreeRestore.restore(reader, work.resolve("restored-" + round));
            }
            long restored = System.nanoTime();
            System.out.printf("%d %.3f %.3f %d%n", round, (backed - start) / 1e9, (restored - backed) / 1e9,
                    Files.size(work.resolve("archives").resolve(name)));
        }
    }

    static void generate(Path root, int mebibytes) throws IOException {
        var random = new Random(42);
        String[] words = {"deploy", "service", "api", "ok", "failed", "retry", "user", "GET", "POST", "/health",
                "200", "500", "latency_ms", "version", "1.4.2", "node-3", "eu-west", "commit", "rollback", "drill"};
        for (int i = 0; i < mebibytes; i++) {
            Path dir = Files.createDirectories(root.resolve("d" + (i % 16)));
            if (i % 5 < 3) {
                var text = new StringBuilder(1 << 20);
                while (text.length() < (1 << 20)) {
                    text.append("2026-11-22T14:").append(10 + random.nextInt(50)).append(' ');
                    for (int w = 0; w < 8; w++) {
                        text.append(words[random.nextInt(words.length)]).append(' ');
                    }
                    text.append(random.nextInt(100000)).append('\n');
                }
                Files.writeString(dir.resolve("log-" + i + ".txt"), text, StandardCharsets.UTF_8);
            } else {
                byte[] bytes = new byte[1 << 20];
                new SecureRandom().nextBytes(bytes);
                Files.write(dir.resolve("blob-" + i + ".bin"), bytes);
            }
        }
    }
}
