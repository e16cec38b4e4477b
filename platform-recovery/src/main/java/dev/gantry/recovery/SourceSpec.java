package dev.gantry.recovery;

import dev.gantry.domain.InvalidInputException;
import java.util.List;
import java.util.regex.Pattern;

/** What a backup plan backs up, as data a plan stores; {@link BackupSources} turns it into a {@link BackupSource}. */
public sealed interface SourceSpec {

    Pattern HOST = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,252}");
    Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,62}");
    /** A configured credential's name, or {@code vault:} and a secret's path (checked by the vault's adapter). */
    Pattern CREDENTIAL = Pattern.compile("[a-z0-9][a-z0-9.-]{0,99}|vault:[A-Za-z0-9][A-Za-z0-9/._-]{0,299}");

    /** Gantry's own database, whichever it runs on (H2 file or PostgreSQL). */
    record GantryDatabase() implements SourceSpec {
    }

    /**
     * A PostgreSQL database elsewhere, dumped with {@code pg_dump -Fc}.
     *
     * @param credential names the password in {@link SourceCredentials} (a configured name or {@code vault:<path>});
     *                   the password itself is never stored here
     */
    record PostgresDatabase(String host, int port, String database, String user, String credential)
            implements SourceSpec {

        public PostgresDatabase {
            checkConnection(host, port, user, credential);
            check(NAME, database, "source.database", "a database name of letters, digits, _ . -");
        }
    }

    /** A directory tree on this machine. */
    record DirectoryTree(String path) implements SourceSpec {

        public DirectoryTree {
            if (path.isBlank() || !path.startsWith("/")) {
                throw new InvalidInputException("source.path", "an absolute directory path");
            }
        }
    }

    /** A command whose standard output is the backup, e.g. {@code ["etcdctl", "snapshot", "save", "/dev/stdout"]}. */
    record Command(List<String> argv) implements SourceSpec {

        public Command {
            argv = List.copyOf(argv);
            if (argv.isEmpty() || argv.getFirst().isBlank()) {
                throw new InvalidInputException("source.argv", "a command needs at least its program");
            }
            if (argv.size() > 64 || argv.stream().anyMatch(a -> a.length() > 4096 || a.indexOf('\0') >= 0)) {
                throw new InvalidInputException("source.argv", "at most 64 arguments of at most 4,096 characters");
            }
        }
    }

    static void checkConnection(String host, int port, String user, String credential) {
        check(HOST, host, "source.host", "a host name or address");
        if (port < 1 || port > 65535) {
            throw new InvalidInputException("source.port", "a port from 1 to 65535");
        }
        check(NAME, user, "source.user", "a user name of letters, digits, _ . -");
        check(CREDENTIAL, credential, "source.credential", "a credential name of a-z 0-9 . - or vault:<team/service/environment/name>");
    }

    private static void check(Pattern pattern, String value, String field, String what) {
        if (!pattern.matcher(value).matches()) {
            throw new InvalidInputException(field, "must be " + what);
        }
    }
}
