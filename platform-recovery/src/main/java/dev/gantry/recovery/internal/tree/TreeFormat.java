package dev.gantry.recovery.internal.tree;

import java.nio.charset.StandardCharsets;

/** The plaintext tree stream inside an archive (see docs/recovery-archive-format.md). */
final class TreeFormat {

    static final byte[] MAGIC = "GTYTREE1".getBytes(StandardCharsets.US_ASCII);
    static final byte DIRECTORY = 'D';
    static final byte FILE = 'F';
    static final byte SYMLINK = 'L';
    static final byte END = 'E';
    static final int MAX_PATH_BYTES = 4096;
    static final int MAX_ENTRIES = 10_000_000;

    private TreeFormat() {
    }
}
