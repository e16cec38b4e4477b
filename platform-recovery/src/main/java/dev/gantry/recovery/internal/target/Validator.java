package dev.gantry.recovery.internal.target;

import dev.gantry.recovery.CheckResult;
import dev.gantry.recovery.RestoreExpectation;
import dev.gantry.recovery.TreeInventory;
import dev.gantry.recovery.TreeVerification;
import dev.gantry.recovery.Validation;
import dev.gantry.recovery.internal.process.ChildProcess;
import dev.gantry.recovery.internal.process.WorkWindow;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Runs a drill's validations against a restored scratch target, each into a {@link CheckResult}. */
public final class Validator {

    private static final int MAX_DIFFERENCES = 10;

    public CheckResult run(Validation validation, ScratchTarget target, RestoreExpectation expectation,
            WorkWindow window) {
        long start = System.nanoTime();
        try {
            Found found = switch (validation) {
                case Validation.MatchesExpectation m -> matches(expectation, target);
                case Validation.SqlAssertion sql -> assertSql(sql, target, window);
                case Validation.CommandCheck command -> runCommand(command, target, window);
            };
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            return new CheckResult(validation.name(), found.passed(), found.detail(), took);
        } catch (IOException | SQLException | RuntimeException e) {
            if (window.expired()) {
                return CheckResult.failed(validation.name(), "stopped: the validation window of "
                        + window.limit() + " ran out", Duration.ofNanos(System.nanoTime() - start));
            }
            return CheckResult.failed(validation.name(), e.getClass().getSimpleName() + ": " + e.getMessage(),
                    Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private Found matches(RestoreExpectation expectation, ScratchTarget target) throws IOException, SQLException {
        return switch (expectation) {
            case RestoreExpectation.TableRows rows -> {
                if (!(target instanceof ScratchDatabase database)) {
                    yield Found.bad("row counts need a database target, not " + target.describe());
                }
                yield compareRows(rows.rowsByTable(), database.rowCounts());
            }
            case RestoreExpectation.TreeFiles files -> {
                if (!(target instanceof ScratchDirectory directory)) {
                    yield Found.bad("a tree needs a directory target, not " + target.describe());
                }
                yield compareTree(files.inventory(), directory.directory());
            }
            case RestoreExpectation.StreamBytes stream -> {
                if (!(target instanceof ScratchDirectory directory)) {
                    yield Found.bad("a stream needs a directory target, not " + target.describe());
                }
                yield compareStream(stream, directory.directory().resolve(ScratchDirectory.STREAM_FILE));
            }
        };
    }

    static Found compareRows(Map<String, Long> expected, Map<String, Long> actual) {
        var differences = new ArrayList<String>();
        var tables = new TreeSet<String>(expected.keySet());
        tables.addAll(actual.keySet());
        for (String table : tables) {
            Long want = expected.get(table);
            Long found = actual.get(table);
            if (want == null) {
                differences.add(table + " was not in the backup");
            } else if (found == null) {
                differences.add(table + " is missing");
            } else if (!want.equals(found)) {
                differences.add(table + " has " + found + " rows, expected " + want);
            }
        }
        if (differences.isEmpty()) {
            long total = expected.values().stream().mapToLong(Long::longValue).sum();
            return Found.ok(expected.size() + " tables, " + total + " rows as recorded");
        }
        return summarise(differences);
    }

    private static Found compareTree(TreeInventory inventory, Path directory) throws IOException {
        return switch (inventory.verify(directory)) {
            case TreeVerification.Matches m -> Found.ok(m.entries() + " entries, " + inventory.totalFileBytes()
                    + " bytes as recorded");
            case TreeVerification.Differs d -> summarise(d.differences());
        };
    }

    private static Found compareStream(RestoreExpectation.StreamBytes expected, Path file) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long size = 0;
        byte[] buffer = new byte[65536];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                sha256.update(buffer, 0, n);
                size += n;
            }
        }
        String digest = HexFormat.of().formatHex(sha256.digest());
        if (size == expected.bytes() && digest.equals(expected.sha256())) {
            return Found.ok(size + " bytes with the recorded SHA-256");
        }
        return Found.bad("the stream has " + size + " bytes with SHA-256 " + digest + ", expected "
                + expected.bytes() + " bytes with " + expected.sha256());
    }

    private static Found assertSql(Validation.SqlAssertion assertion, ScratchTarget target, WorkWindow window)
            throws SQLException {
        if (!(target instanceof ScratchDatabase database)) {
            return Found.bad("an SQL assertion needs a database target, not " + target.describe());
        }
        try (Connection connection = database.connect(); var statement = connection.createStatement()) {
            window.track(statement);
            try (var rows = statement.executeQuery(assertion.sql())) {
                if (!rows.next()) {
                    return Found.bad("the query returned no row, expected " + assertion.expected());
                }
                String found = rows.getString(1);
                return same(found, assertion.expected())
                        ? Found.ok(String.valueOf(found))
                        : Found.bad("the query returned " + found + ", expected " + assertion.expected());
            } finally {
                window.untrack(statement);
            }
        }
    }

    static boolean same(String found, String expected) {
        if (found == null) {
            return expected.equalsIgnoreCase("null");
        }
        try {
            return new BigDecimal(found.strip()).compareTo(new BigDecimal(expected.strip())) == 0;
        } catch (NumberFormatException e) {
            return found.equals(expected);
        }
    }

    private static Found runCommand(Validation.CommandCheck check, ScratchTarget target, WorkWindow window)
            throws IOException {
        Path workDirectory = target instanceof ScratchDirectory d ? d.directory() : null;
        try (ChildProcess command = ChildProcess.start(check.argv(), workDirectory, target.commandEnvironment(),
                false, window)) {
            command.stdout().transferTo(java.io.OutputStream.nullOutputStream());
            int exit = command.waitFor();
            if (window.expired()) {
                return Found.bad("stopped: the validation window of " + window.limit() + " ran out");
            }
            return exit == 0 ? Found.ok("exit 0") : Found.bad(command.program() + " exited with " + exit);
        }
    }

    private static Found summarise(List<String> differences) {
        String shown = String.join("; ", differences.subList(0, Math.min(MAX_DIFFERENCES, differences.size())));
        return Found.bad(differences.size() > MAX_DIFFERENCES
                ? shown + "; and " + (differences.size() - MAX_DIFFERENCES) + " more differences"
                : shown);
    }

    /** What a check found, and whether that is what it wanted. */
    record Found(boolean passed, String detail) {

        static Found ok(String detail) {
            return new Found(true, detail);
        }

        static Found bad(String detail) {
            return new Found(false, detail);
        }
    }
}
