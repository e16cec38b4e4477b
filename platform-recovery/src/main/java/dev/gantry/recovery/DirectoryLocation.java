package dev.gantry.recovery;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

/** A {@link BackupLocation} in a local directory: written to a hidden temp file, fsynced, then linked under its name. */
public final class DirectoryLocation implements BackupLocation {

    private static final String PARTIAL = ".partial-";

    private final Path directory;

    public DirectoryLocation(Path directory) throws IOException {
        this.directory = Files.createDirectories(directory).toAbsolutePath();
    }

    @Override
    public String describe() {
        return "directory " + directory;
    }

    @Override
    public Upload create(String name) throws IOException {
        Path target = directory.resolve(BackupLocation.checkName(name));
        if (Files.exists(target)) {
            throw new IOException(name + " already exists in " + describe() + "; backups are never overwritten");
        }
        Path partial = Files.createTempFile(directory, PARTIAL, ".tmp");
        var channel = FileChannel.open(partial, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        OutputStream out = java.nio.channels.Channels.newOutputStream(channel);
        return new Upload() {
            private boolean done;

            @Override
            public void write(int b) throws IOException {
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                if (done) {
                    return;
                }
                done = true;
                try {
                    channel.force(true);
                    channel.close();
                    publish(partial, target);
                } finally {
                    Files.deleteIfExists(partial);
                }
            }

            @Override
            public void abort() throws IOException {
                if (done) {
                    return;
                }
                done = true;
                channel.close();
                Files.deleteIfExists(partial);
            }
        };
    }

    /**
     * A hard link publishes atomically and, unlike a rename, fails when the name exists, so two writers of the
     * same name can never replace each other's backup. The directory is synced so the name survives a crash.
     */
    private void publish(Path partial, Path target) throws IOException {
        try {
            Files.createLink(target, partial);
        } catch (UnsupportedOperationException e) {
            Files.move(partial, target);
        } catch (FileAlreadyExistsException e) {
            throw new FileAlreadyExistsException(target.getFileName() + " already exists in " + describe()
                    + "; backups are never overwritten");
        }
        try (var dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // Some platforms cannot open a directory for syncing; the file itself is already on disk.
        }
    }

    @Override
    public InputStream open(String name) throws IOException {
        return Files.newInputStream(directory.resolve(BackupLocation.checkName(name)));
    }

    @Override
    public List<String> list() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(PARTIAL)).sorted().toList();
        }
    }

    @Override
    public void delete(String name) throws IOException {
        try {
            Files.delete(directory.resolve(BackupLocation.checkName(name)));
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(name + " is not in " + describe());
        }
    }
}
