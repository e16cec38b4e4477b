package dev.gantry.recovery.internal.target;

import dev.gantry.recovery.PayloadFormat;
import dev.gantry.recovery.TreeRestore;
import dev.gantry.recovery.internal.process.WorkWindow;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A new directory: a tree is restored all or nothing into it; a command's stream becomes the file {@code stream}.
 */
public final class ScratchDirectory implements ScratchTarget {

    public static final String STREAM_FILE = "stream";

    private final Path directory;

    public ScratchDirectory(Path directory) {
        this.directory = directory.toAbsolutePath();
    }

    public Path directory() {
        return directory;
    }

    @Override
    public String describe() {
        return "new directory " + directory;
    }

    @Override
    public boolean accepts(PayloadFormat format) {
        return format == PayloadFormat.DIRECTORY_TREE || format == PayloadFormat.COMMAND_STREAM;
    }

    @Override
    public void restore(InputStream plaintext, PayloadFormat format, WorkWindow window) throws IOException {
        if (format == PayloadFormat.DIRECTORY_TREE) {
            TreeRestore.restore(plaintext, directory);
            return;
        }
        Trees.requireNew(directory);
        Path partial = directory.resolve(".stream.partial");
        Files.copy(plaintext, partial);
        Files.move(partial, directory.resolve(STREAM_FILE));
    }

    @Override
    public Map<String, String> commandEnvironment() {
        return Map.of("GANTRY_RESTORE_DIR", directory.toString());
    }

    @Override
    public void cleanup() throws IOException {
        Trees.deleteRecursively(directory);
    }
}
