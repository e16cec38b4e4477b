package dev.gantry.recovery.internal.target;

import dev.gantry.recovery.PayloadFormat;
import dev.gantry.recovery.internal.process.WorkWindow;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/** A new, empty place a backup is restored into: a database or a directory. */
public sealed interface ScratchTarget permits ScratchDatabase, ScratchDirectory {

    String describe();

    boolean accepts(PayloadFormat format);

    /** Restores the plaintext of a backup; reads it to the end, so the archive is verified when this returns. */
    void restore(InputStream plaintext, PayloadFormat format, WorkWindow window) throws IOException;

    /** What a validation command is told about the restored data (no password: databases get a 0600 file). */
    Map<String, String> commandEnvironment();

    /** Removes everything the restore created. */
    void cleanup() throws IOException;

    /**
     * Removes what a restore of an earlier process may have left under this target's name (that process died
     * before its own cleanup). Nothing else carries the name, since a target is named after its restore.
     */
    default void removeLeftover() throws IOException {
        cleanup();
    }
}
