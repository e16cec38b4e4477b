package dev.gantry.recovery.internal.source;

import dev.gantry.recovery.BackupSource;
import dev.gantry.recovery.PayloadFormat;
import dev.gantry.recovery.RestoreExpectation;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;

/**
 * An H2 database, online, as the SQL script of {@code SCRIPT}: schema, data, sequences and users, replayed by
 * {@code RUNSCRIPT} into a new database. Row counts and script are read in one repeatable-read transaction, so
 * the expectation describes exactly the data in the script even while Gantry keeps writing.
 */
public final class H2ScriptSource implements BackupSource {

    private final DataSource dataSource;
    private final Path workDirectory;

    public H2ScriptSource(DataSource dataSource, Path workDirectory) {
        this.dataSource = dataSource;
        this.workDirectory = workDirectory;
    }

    @Override
    public String describe() {
        return "Gantry's H2 database";
    }

    @Override
    public PayloadFormat format() {
        return PayloadFormat.H2_SCRIPT;
    }

    @Override
    public RestoreExpectation writeTo(OutputStream out) throws IOException {
        Path directory = Files.createTempDirectory(Files.createDirectories(workDirectory), "h2-script-");
        Path script = directory.resolve("script.sql");
        try {
            Map<String, Long> counts;
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                try {
                    counts = RowCounts.h2(connection);
                    try (var statement = connection.createStatement()) {
                        statement.execute("SCRIPT TO '" + script.toString().replace("'", "''") + "'");
                    }
                } finally {
                    connection.rollback();
                }
            } catch (SQLException e) {
                throw new IOException("H2 could not script the database: " + e.getMessage(), e);
            }
            Files.copy(script, out);
            return new RestoreExpectation.TableRows(counts);
        } finally {
            Files.deleteIfExists(script);
            Files.deleteIfExists(directory);
        }
    }
}
