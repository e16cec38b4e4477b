package dev.gantry.recovery;

import java.io.IOException;

/** A tree entry would land outside the restore target, or does not match what it declares. Nothing was restored. */
public class UnsafeArchiveEntryException extends IOException {

    public UnsafeArchiveEntryException(String message) {
        super(message);
    }
}
