package dev.gantry.testing;

import dev.gantry.access.testing.TestDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One scratch data directory per test JVM, so every Spring test with the same configuration shares one cached
 * application context on one H2 file database, as a real node would.
 */
public final class TestDataDirectory {

    private static final Path DIRECTORY;

    static {
        try {
            DIRECTORY = Files.createTempDirectory("gantry-test-data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TestDataDirectory() {
    }

    public static Path path() {
        return DIRECTORY;
    }

    public static void register(DynamicPropertyRegistry registry) {
        registry.add("gantry.data-dir", DIRECTORY::toString);
    }

    /** A data directory of its own, for a context that must not share the database (e.g. a second scheduler). */
    public static void register(DynamicPropertyRegistry registry, String name) {
        registry.add("gantry.data-dir", () -> DIRECTORY.resolve(name).toString());
    }

    /** A data directory of its own and a fresh PostgreSQL database, for a test class's PostgreSQL variant. */
    public static void registerOnFreshPostgres(DynamicPropertyRegistry registry, String name) {
        String url = TestDatabases.freshPostgresDatabase();
        register(registry, name);
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> TestDatabases.POSTGRES_USER);
    }
}
