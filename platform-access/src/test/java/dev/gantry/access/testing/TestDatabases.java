package dev.gantry.access.testing;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** The two databases persistence tests run on: an H2 file database as Gantry configures it, and PostgreSQL. */
public final class TestDatabases {

    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";
    private static final List<String> created = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::dropCreated, "drop-test-databases"));
    }

    private TestDatabases() {
    }

    /** An H2 file database in {@code dir} with Gantry's durable commits ({@code WRITE_DELAY=0}). */
    public static String h2File(Path dir) {
        return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("gantry") + ";WRITE_DELAY=0";
    }

    /** A new, empty database on the local PostgreSQL, dropped when the JVM exits. */
    public static synchronized String freshPostgresDatabase() {
        var name = "gantry_test_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        try (var connection = DriverManager.getConnection(POSTGRES + "postgres?user=postgres");
             var statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "PostgreSQL must run on 127.0.0.1:5432 with trust auth for user postgres", e);
        }
        created.add(name);
        return POSTGRES + name + "?user=postgres";
    }

    private static synchronized void dropCreated() {
        try (var connection = DriverManager.getConnection(POSTGRES + "postgres?user=postgres");
             var statement = connection.createStatement()) {
            for (var name : created) {
                statement.execute("drop database if exists " + name + " with (force)");
            }
        } catch (SQLException e) {
            // Best effort: a leftover test database is harmless.
        }
    }
}
