package dev.gantry.recovery;

import dev.gantry.recovery.internal.tree.TreeStreamWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Writes a directory tree (directories, regular files, symbolic links; each with path, mode, size and SHA-256)
 * into a stream, typically a {@link BackupWriter}, and returns the inventory a restore must reproduce.
 */
public final class DirectoryTreeSource {

    private DirectoryTreeSource() {
    }

    public static TreeInventory write(Path root, OutputStream out) throws IOException {
        return TreeStreamWriter.write(root, out);
    }
}
