package dev.gantry.access.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/** JDBC URLs of throw-away databases for integration tests, on H2 (file) and on the local PostgreSQL 15. */
public final class TestDatabases {

    private static final String POSTGRES_HOST = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String POSTGRES_USER = "postgres";

    private TestDatabases() {
    }

    /** An H2 file database in {@code dir}, with the durability setting production uses. */
    public static String h2File(Path dir) {
        return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("gantry") + ";WRITE_DELAY=0";
    }

    /**
     * A new, empty PostgreSQL database (trust authentication as {@code postgres}), dropped when the JVM exits.
     * Set {@code spring.datasource.username} to {@link #postgresUser()}.
     */
    public static String freshPostgresDatabase() {
        String name = "gantry_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        execute("create database " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                execute("drop database if exists " + name + " with (force)");
            } catch (RuntimeException ignored) {
                // Best effort: a leftover test database is harmless.
            }
        }));
        return POSTGRES_HOST + name;
    }

    public static String postgresUser() {
        return POSTGRES_USER;
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(POSTGRES_HOST + "postgres", POSTGRES_USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL on 127.0.0.1:5432 is needed for this test: " + e.getMessage(), e);
        }
    }
}
