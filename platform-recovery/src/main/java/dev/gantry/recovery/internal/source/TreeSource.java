package dev.gantry.recovery.internal.source;

import dev.gantry.recovery.BackupSource;
import dev.gantry.recovery.DirectoryTreeSource;
import dev.gantry.recovery.PayloadFormat;
import dev.gantry.recovery.RestoreExpectation;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/** A directory tree in Gantry's tree format; the expectation is its inventory (paths, sizes, SHA-256). */
public final class TreeSource implements BackupSource {

    private final Path root;

    public TreeSource(Path root) {
        this.root = root;
    }

    @Override
    public String describe() {
        return "directory " + root;
    }

    @Override
    public PayloadFormat format() {
        return PayloadFormat.DIRECTORY_TREE;
    }

    @Override
    public RestoreExpectation writeTo(OutputStream out) throws IOException {
        return new RestoreExpectation.TreeFiles(DirectoryTreeSource.write(root, out));
    }
}
