package dev.gantry.recovery.internal.target;

import dev.gantry.recovery.PayloadFormat;
import dev.gantry.recovery.internal.process.ChildProcess;
import dev.gantry.recovery.internal.process.PgPassFile;
import dev.gantry.recovery.internal.process.WorkWindow;
import dev.gantry.recovery.internal.source.PgConnection;
import dev.gantry.recovery.internal.source.PostgresTools;
import dev.gantry.recovery.internal.source.RowCounts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A new PostgreSQL database {@code drill_<id>} on a server, created for one restore and filled by the real
 * {@code pg_restore} reading the dump from its standard input. {@code create database} fails if the name exists,
 * so a scratch restore can never land in an existing database, the source included.
 */
public final class PostgresScratchDatabase implements ScratchDatabase {

    public static final Pattern NAME = Pattern.compile("drill_[a-z0-9_]{1,40}");

    private final PgConnection server;
    private final String name;
    private final char[] password;
    private final PostgresTools tools;
    private @Nullable PgPassFile commandPassFile;
    private boolean created;

    /** @param server where to connect to create the database (its {@code database} is the maintenance db) */
    public PostgresScratchDatabase(PgConnection server, String name, char[] password, PostgresTools tools) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a scratch database is named drill_<a-z0-9_>, not " + name);
        }
        this.server = server;
        this.name = name;
        this.password = password.clone();
        this.tools = tools;
    }

    public String name() {
        return name;
    }

    @Override
    public String describe() {
        return "new PostgreSQL database " + name + " on " + server.host() + ":" + server.port();
    }

    @Override
    public boolean accepts(PayloadFormat format) {
        return format == PayloadFormat.POSTGRES_CUSTOM_DUMP;
    }

    @Override
    public void restore(InputStream plaintext, PayloadFormat format, WorkWindow window) throws IOException {
        try (Connection admin = server.open(password, "gantry-restore"); var statement = admin.createStatement()) {
            statement.execute("create database " + name);
            created = true;
        } catch (SQLException e) {
            throw ScratchDatabase.failure("could not create " + describe(), e);
        }
        var argv = new ArrayList<String>();
        argv.add(tools.pgRestore());
        argv.add("--no-owner");
        argv.add("--no-privileges");
        argv.add("--exit-on-error");
        argv.addAll(server.withDatabase(name).toolArguments());
        try (PgPassFile passFile = PgPassFile.write(password);
             ChildProcess restore = ChildProcess.start(argv, null, passFile.environment(), true, window)) {
            try (OutputStream stdin = restore.stdin()) {
                plaintext.transferTo(stdin);
            } catch (IOException e) {
                int exit = restore.waitFor();
                throw new IOException("pg_restore stopped reading (exit " + exit + "): " + restore.stderrTail(), e);
            }
            int exit = restore.waitFor();
            if (exit != 0) {
                throw new IOException("pg_restore exited with " + exit + ": " + restore.stderrTail());
            }
        }
    }

    @Override
    public Connection connect() throws SQLException {
        return server.withDatabase(name).open(password, "gantry-drill");
    }

    @Override
    public Map<String, Long> rowCounts() throws SQLException {
        try (Connection connection = connect()) {
            return RowCounts.postgres(connection);
        }
    }

    @Override
    public synchronized Map<String, String> commandEnvironment() {
        var environment = new LinkedHashMap<String, String>();
        environment.put("PGHOST", server.host());
        environment.put("PGPORT", Integer.toString(server.port()));
        environment.put("PGDATABASE", name);
        environment.put("PGUSER", server.user());
        try {
            if (commandPassFile == null) {
                commandPassFile = PgPassFile.write(password);
            }
            environment.putAll(commandPassFile.environment());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return environment;
    }

    @Override
    public synchronized void removeLeftover() throws IOException {
        // This object did not create the database, its dead predecessor did: drop it if it is there.
        created = true;
        cleanup();
    }

    @Override
    public synchronized void cleanup() throws IOException {
        try {
            if (commandPassFile != null) {
                commandPassFile.close();
                commandPassFile = null;
            }
            if (created) {
                try (Connection admin = server.open(password, "gantry-restore");
                     var statement = admin.createStatement()) {
                    statement.execute("drop database if exists " + name + " with (force)");
                    created = false;
                } catch (SQLException e) {
                    throw ScratchDatabase.failure("could not drop " + describe(), e);
                }
            }
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
