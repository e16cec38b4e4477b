package dev.gantry.recovery.internal.source;

import java.nio.file.Path;

/** Where pg_dump and pg_restore are: a directory, or empty to take them from the PATH. */
public record PostgresTools(String binDirectory) {

    public String pgDump() {
        return tool("pg_dump");
    }

    public String pgRestore() {
        return tool("pg_restore");
    }

    private String tool(String name) {
        return binDirectory.isBlank() ? name : Path.of(binDirectory, name).toString();
    }
}
