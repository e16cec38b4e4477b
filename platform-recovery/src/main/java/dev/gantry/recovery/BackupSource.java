package dev.gantry.recovery;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Something Gantry backs up: writes its data as one stream (typically into a {@link BackupWriter}) and says what a
 * faithful restore of that stream must show. {@link BackupSources} builds one from a plan's {@link SourceSpec}.
 */
public interface BackupSource {

    /** A label for messages and evidence, never holding credentials. */
    String describe();

    /** How the stream is laid out, so a restore knows which scratch target can take it. */
    PayloadFormat format();

    /**
     * Writes the whole stream; the caller closes {@code out}. A failure throws and leaves no child process running.
     *
     * @return what a restore of exactly these bytes must reproduce
     */
    RestoreExpectation writeTo(OutputStream out) throws IOException;
}
