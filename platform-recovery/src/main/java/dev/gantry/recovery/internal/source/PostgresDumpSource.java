package dev.gantry.recovery.internal.source;

import dev.gantry.recovery.BackupSource;
import dev.gantry.recovery.PayloadFormat;
import dev.gantry.recovery.RestoreExpectation;
import dev.gantry.recovery.internal.process.ChildProcess;
import dev.gantry.recovery.internal.process.PgPassFile;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A PostgreSQL database through the real {@code pg_dump -Fc}, its standard output streamed into the backup. The
 * row counts are read in a repeatable-read transaction whose snapshot pg_dump then dumps ({@code --snapshot}),
 * so the expectation matches the dump exactly. The password reaches pg_dump through a 0600 password file.
 */
public final class PostgresDumpSource implements BackupSource {

    private final PgConnection connection;
    private final Supplier<char[]> password;
    private final PostgresTools tools;

    public PostgresDumpSource(PgConnection connection, Supplier<char[]> password, PostgresTools tools) {
        this.connection = connection;
        this.password = password;
        this.tools = tools;
    }

    @Override
    public String describe() {
        return "PostgreSQL database " + connection.database() + " on " + connection.host() + ":" + connection.port();
    }

    @Override
    public PayloadFormat format() {
        return PayloadFormat.POSTGRES_CUSTOM_DUMP;
    }

    @Override
    public RestoreExpectation writeTo(OutputStream out) throws IOException {
        char[] secret = password.get();
        try (Connection db = connection.open(secret, "gantry-backup");
             PgPassFile passFile = PgPassFile.write(secret)) {
            Arrays.fill(secret, '\0');
            db.setAutoCommit(false);
            db.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            String snapshot;
            try (var statement = db.createStatement(); var rows = statement.executeQuery("select pg_export_snapshot()")) {
                rows.next();
                snapshot = rows.getString(1);
            }
            Map<String, Long> counts = RowCounts.postgres(db);
            var argv = new ArrayList<String>();
            argv.add(tools.pgDump());
            argv.add("--format=custom");
            argv.add("--compress=0");
            argv.add("--snapshot=" + snapshot);
            argv.addAll(connection.toolArguments());
            try (ChildProcess dump = ChildProcess.start(argv, null, passFile.environment(), false, null)) {
                dump.stdout().transferTo(out);
                int exit = dump.waitFor();
                if (exit != 0) {
                    throw new IOException("pg_dump exited with " + exit + ": " + dump.stderrTail());
                }
            }
            db.rollback();
            return new RestoreExpectation.TableRows(counts);
        } catch (SQLException e) {
            throw new IOException("could not read " + describe() + ": " + e.getMessage(), e);
        } finally {
            Arrays.fill(secret, '\0');
        }
    }
}
