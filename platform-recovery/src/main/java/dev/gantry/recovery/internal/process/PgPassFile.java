package dev.gantry.recovery.internal.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Map;

/**
 * A PostgreSQL password file readable only by its owner (0600), for one pg_dump or pg_restore run: the password
 * never appears in argv (visible in {@code ps}) or in the environment (visible in {@code /proc/<pid>/environ}).
 */
public final class PgPassFile implements AutoCloseable {

    private final Path directory;
    private final Path file;

    private PgPassFile(Path directory, Path file) {
        this.directory = directory;
        this.file = file;
    }

    public static PgPassFile write(char[] password) throws IOException {
        Path directory = Files.createTempDirectory("gantry-pg-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path file = directory.resolve("pgpass");
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        StringBuilder line = new StringBuilder("*:*:*:*:");
        for (char c : password) {
            if (c == ':' || c == '\\') {
                line.append('\\');
            }
            line.append(c);
        }
        line.append('\n');
        byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
        try {
            Files.write(file, bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
            line.setLength(0);
        }
        return new PgPassFile(directory, file);
    }

    /** The environment a libpq tool needs to find this file, and never to prompt. */
    public Map<String, String> environment() {
        return Map.of("PGPASSFILE", file.toString(), "PGCONNECT_TIMEOUT", "10");
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
        Files.deleteIfExists(directory);
    }
}
