package dev.gantry.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import org.springframework.context.ConfigurableApplicationContext;

/** A fresh data directory and the application over it, removed again afterwards. */
final class BenchDatabase implements AutoCloseable {

    private final Path dataDir;
    private final ConfigurableApplicationContext context;

    BenchDatabase() throws IOException {
        // The system temporary directory: check it is a real disk (not tmpfs), or commits look cheaper than they are.
        dataDir = Files.createTempDirectory("gantry-bench-");
        context = BenchApplication.start(dataDir);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() throws IOException {
        context.close();
        try (var files = Files.walk(dataDir)) {
            for (var path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
