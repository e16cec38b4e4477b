package dev.gantry.access.testing;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Assumptions;

/**
 * The two databases persistence tests run on: an H2 file database as Gantry configures it, and a fresh database on
 * the machine's PostgreSQL, dropped when the JVM exits.
 *
 * <p>PostgreSQL tests never pass silently without PostgreSQL: on CI (environment variable {@code CI} set) an
 * unreachable server fails the test; on a developer machine the test is skipped with the reason printed.
 */
public final class TestDatabases {

    /** A database that exists on the server; override with {@code GANTRY_TEST_POSTGRES_URL}. */
    private static final String ADMIN_URL = System.getenv().getOrDefault(
            "GANTRY_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    public static final String POSTGRES_USER = System.getenv().getOrDefault("GANTRY_TEST_POSTGRES_USER", "postgres");
    private static final String SERVER = ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1);
    private static final List<String> created = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::dropCreated, "drop-test-databases"));
    }

    private TestDatabases() {
    }

    /** An H2 file database in {@code dir} with Gantry's durable commits ({@code WRITE_DELAY=0}). */
    public static String h2File(Path dir) {
        // The production URL's options that change behaviour (see application.yml); the others only speed it up.
        return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("gantry") + ";WRITE_DELAY=0;OPTIMIZE_REUSE_RESULTS=FALSE";
    }

    /** A new, empty database; its URL carries the user, so no other datasource property is needed. */
    public static synchronized String freshPostgresDatabase() {
        String name = "gantry_test_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        try (var connection = DriverManager.getConnection(ADMIN_URL, POSTGRES_USER, "");
             var statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            String reason = "PostgreSQL at " + ADMIN_URL + " is not usable by " + POSTGRES_USER + ": " + e.getMessage();
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(reason + " (CI must run the PostgreSQL tests)", e);
            }
            System.err.println("Skipping PostgreSQL test: " + reason);
            Assumptions.abort(reason);
        }
        created.add(name);
        return SERVER + name + "?user=" + POSTGRES_USER;
    }

    private static synchronized void dropCreated() {
        try (var connection = DriverManager.getConnection(ADMIN_URL, POSTGRES_USER, "");
             var statement = connection.createStatement()) {
            for (String name : created) {
                statement.execute("drop database if exists " + name + " with (force)");
            }
        } catch (SQLException e) {
            // Best effort: a leftover test database is harmless and named gantry_test_*.
        }
    }
}
