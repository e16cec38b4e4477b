package dev.gantry.recovery;

import dev.gantry.domain.InvalidInputException;
import java.util.List;
import java.util.regex.Pattern;

/** One check a drill runs against the restored data; stored with the drill plan. */
public sealed interface Validation {

    Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,79}");

    String name();

    /** The restore shows what the backup recorded: row counts per table, the tree's files, the stream's digest. */
    record MatchesExpectation() implements Validation {

        @Override
        public String name() {
            return "matches the recorded expectation";
        }
    }

    /**
     * A query whose first column of the first row must equal {@code expected} (numbers compare as numbers), e.g.
     * {@code select count(*) from orders where paid} = {@code 42}. Databases only.
     */
    record SqlAssertion(String name, String sql, String expected) implements Validation {

        public SqlAssertion {
            checkName(name);
            if (sql.isBlank() || sql.length() > 4000) {
                throw new InvalidInputException("validation.sql", "a query of 1 to 4,000 characters");
            }
            if (expected.length() > 1000) {
                throw new InvalidInputException("validation.expected", "at most 1,000 characters");
            }
        }
    }

    /**
     * A command that must exit 0. It learns where the data is from its environment: {@code GANTRY_RESTORE_DIR}
     * for directories, {@code PGHOST PGPORT PGDATABASE PGUSER PGPASSFILE} for PostgreSQL,
     * {@code GANTRY_RESTORE_H2_FILE} for H2.
     */
    record CommandCheck(String name, List<String> argv) implements Validation {

        public CommandCheck {
            checkName(name);
            argv = List.copyOf(argv);
            if (argv.isEmpty() || argv.getFirst().isBlank() || argv.size() > 64) {
                throw new InvalidInputException("validation.argv", "a command with 1 to 64 arguments");
            }
        }
    }

    private static void checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new InvalidInputException("validation.name", "1-80 characters of letters, digits, space . _ -");
        }
    }
}
