package dev.gantry.recovery.internal.target;

import dev.gantry.recovery.PayloadFormat;
import dev.gantry.recovery.internal.process.WorkWindow;
import dev.gantry.recovery.internal.source.RowCounts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Map;

/**
 * A new H2 file database in a directory of its own, filled by {@code RUNSCRIPT}. The scratch user is created with
 * the database; the script brings back the source's own users as well.
 */
public final class H2ScratchDatabase implements ScratchDatabase {

    private final Path directory;
    private final String user = "DRILL";
    private final String password = HexFormat.of().formatHex(random());

    public H2ScratchDatabase(Path directory) {
        this.directory = directory.toAbsolutePath();
    }

    private static byte[] random() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    public String jdbcUrl() {
        return "jdbc:h2:file:" + directory.resolve("restored") + ";WRITE_DELAY=0";
    }

    @Override
    public String describe() {
        return "new H2 database in " + directory;
    }

    @Override
    public boolean accepts(PayloadFormat format) {
        return format == PayloadFormat.H2_SCRIPT;
    }

    @Override
    public void restore(InputStream plaintext, PayloadFormat format, WorkWindow window) throws IOException {
        Trees.requireNew(directory);
        Path script = directory.resolve("script.sql");
        try {
            Files.copy(plaintext, script);
            try (Connection connection = connect(); var statement = connection.createStatement()) {
                window.track(statement);
                try {
                    statement.execute("RUNSCRIPT FROM '" + script.toString().replace("'", "''") + "'");
                } finally {
                    window.untrack(statement);
                }
            } catch (SQLException e) {
                throw ScratchDatabase.failure("RUNSCRIPT into " + describe() + " failed", e);
            }
        } finally {
            Files.deleteIfExists(script);
        }
    }

    @Override
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user, password);
    }

    @Override
    public Map<String, Long> rowCounts() throws SQLException {
        try (Connection connection = connect()) {
            return RowCounts.h2(connection);
        }
    }

    @Override
    public Map<String, String> commandEnvironment() {
        return Map.of("GANTRY_RESTORE_H2_FILE", directory.resolve("restored.mv.db").toString());
    }

    @Override
    public void cleanup() throws IOException {
        Trees.deleteRecursively(directory);
    }
}
