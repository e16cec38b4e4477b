package dev.gantry.recovery;

import dev.gantry.domain.InvalidInputException;

/**
 * Where a drill or an on-demand restore puts the restored data: always something new, created for the restore
 * and named after it ({@code drill-<id>} directories, {@code drill_<id>} databases), never the source.
 */
public sealed interface ScratchSpec {

    /** Which backups this kind of target can take. */
    boolean accepts(PayloadFormat format);

    /** A new H2 database file in {@code <parent>/drill-<id>/}. */
    record NewH2File(String parent) implements ScratchSpec {

        public NewH2File {
            requireAbsolute(parent);
        }

        @Override
        public boolean accepts(PayloadFormat format) {
            return format == PayloadFormat.H2_SCRIPT;
        }
    }

    /** A new database {@code drill_<id>} on a PostgreSQL server, restored with pg_restore. */
    record NewPostgresDatabase(String host, int port, String user, String credential) implements ScratchSpec {

        public NewPostgresDatabase {
            SourceSpec.checkConnection(host, port, user, credential);
        }

        @Override
        public boolean accepts(PayloadFormat format) {
            return format == PayloadFormat.POSTGRES_CUSTOM_DUMP;
        }
    }

    /** A new directory {@code <parent>/drill-<id>}: a tree, or a command's stream as the file {@code stream}. */
    record NewDirectory(String parent) implements ScratchSpec {

        public NewDirectory {
            requireAbsolute(parent);
        }

        @Override
        public boolean accepts(PayloadFormat format) {
            return format == PayloadFormat.DIRECTORY_TREE || format == PayloadFormat.COMMAND_STREAM;
        }
    }

    private static void requireAbsolute(String path) {
        if (path.isBlank() || !path.startsWith("/") || path.length() > 1000) {
            throw new InvalidInputException("scratch.parent", "an absolute directory path");
        }
    }
}
