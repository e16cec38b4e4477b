package dev.gantry.recovery.internal.source;

import dev.gantry.recovery.BackupSource;
import dev.gantry.recovery.PayloadFormat;
import dev.gantry.recovery.RestoreExpectation;
import dev.gantry.recovery.internal.process.ChildProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A command whose standard output is the backup, e.g. {@code etcdctl snapshot save /dev/stdout}. Its exit code
 * must be 0; its standard error is not repeated in messages, since a command may print what it was given.
 */
public final class CommandStreamSource implements BackupSource {

    private final List<String> argv;
    private final Path workingDirectory;

    public CommandStreamSource(List<String> argv, Path workingDirectory) {
        this.argv = List.copyOf(argv);
        this.workingDirectory = workingDirectory;
    }

    @Override
    public String describe() {
        return "command " + Path.of(argv.getFirst()).getFileName();
    }

    @Override
    public PayloadFormat format() {
        return PayloadFormat.COMMAND_STREAM;
    }

    @Override
    public RestoreExpectation writeTo(OutputStream out) throws IOException {
        MessageDigest sha256 = sha256();
        var counting = new CountingOutputStream(new DigestOutputStream(out, sha256));
        java.nio.file.Files.createDirectories(workingDirectory);
        try (ChildProcess command = ChildProcess.start(argv, workingDirectory, Map.of(), false, null)) {
            try (InputStream stdout = command.stdout()) {
                stdout.transferTo(counting);
            }
            int exit = command.waitFor();
            if (exit != 0) {
                throw new IOException(describe() + " exited with " + exit);
            }
        }
        return new RestoreExpectation.StreamBytes(counting.count(), HexFormat.of().formatHex(sha256.digest()));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static final class CountingOutputStream extends java.io.FilterOutputStream {
        private long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        long count() {
            return count;
        }
    }
}
