package dev.gantry.recovery;

import java.io.IOException;

/** The archive's bytes are not what was written: changed, cut short, reordered or padded. Says what and where. */
public class ArchiveCorruptedException extends IOException {

    public ArchiveCorruptedException(String message) {
        super(message);
    }

    public ArchiveCorruptedException(String message, Throwable cause) {
        super(message, cause);
    }
}
