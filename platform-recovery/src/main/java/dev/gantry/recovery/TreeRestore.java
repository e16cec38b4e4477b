package dev.gantry.recovery;

import dev.gantry.recovery.internal.tree.TreeStreamRestorer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Restores a tree stream into a target that is missing or an empty directory, all or nothing: entries are written
 * to a temporary directory next to the target and renamed into place only after the whole stream (and, read
 * through a {@link BackupReader}, the whole archive) has been verified. A hostile entry (a path or a link leaving
 * the target, content not matching what the entry declares) fails the restore before anything is written outside.
 */
public final class TreeRestore {

    private TreeRestore() {
    }

    public static TreeInventory restore(InputStream tree, Path target) throws IOException {
        return TreeStreamRestorer.restore(tree, target);
    }
}
