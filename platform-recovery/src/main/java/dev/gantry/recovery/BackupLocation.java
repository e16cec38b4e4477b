package dev.gantry.recovery;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where archives and manifests are kept: a directory today, an S3-compatible bucket later. An object appears
 * under its name only once its upload is closed, whole; an aborted or crashed upload leaves nothing visible
 * and never replaces an existing object (a hard link for a directory, a completed multipart upload for S3).
 */
public interface BackupLocation {

    Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");

    /** A human-readable label for messages, never holding credentials. */
    String describe();

    Upload create(String name) throws IOException;

    InputStream open(String name) throws IOException;

    /** Names of complete objects, sorted. */
    List<String> list() throws IOException;

    void delete(String name) throws IOException;

    static String checkName(String name) {
        if (!NAME.matcher(name).matches() || name.contains("..")) {
            throw new IllegalArgumentException("backup object names are 1-200 characters of A-Z a-z 0-9 . _ - "
                    + "without '..', not: " + name);
        }
        return name;
    }

    /** An object being written: {@link #close()} publishes it, {@link #abort()} discards it. */
    abstract class Upload extends OutputStream {

        public abstract void abort() throws IOException;
    }
}
