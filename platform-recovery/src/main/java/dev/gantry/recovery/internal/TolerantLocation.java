package dev.gantry.recovery.internal;

import dev.gantry.recovery.BackupLocation;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A location that fails alone: its first error is remembered and its upload dropped, while the backup goes on to
 * the other locations. The writer's fan-out would otherwise abort every copy when one disk fills or one share
 * disappears, and a backup that reached one location is still worth far more than none.
 */
public final class TolerantLocation implements BackupLocation {

    private final BackupLocation delegate;
    private volatile @Nullable String failure;

    public TolerantLocation(BackupLocation delegate) {
        this.delegate = delegate;
    }

    public static TolerantLocation failed(String description, String reason) {
        var location = new TolerantLocation(new Unreachable(description));
        location.failure = reason;
        return location;
    }

    public @Nullable String failure() {
        return failure;
    }

    public BackupLocation delegate() {
        return delegate;
    }

    @Override
    public String describe() {
        return delegate.describe();
    }

    @Override
    public Upload create(String name) {
        if (failure != null) {
            return new Dropped();
        }
        try {
            return new Guarded(delegate.create(name));
        } catch (IOException | RuntimeException e) {
            fail(e);
            return new Dropped();
        }
    }

    @Override
    public InputStream open(String name) throws IOException {
        return delegate.open(name);
    }

    @Override
    public List<String> list() throws IOException {
        return delegate.list();
    }

    @Override
    public void delete(String name) throws IOException {
        delegate.delete(name);
    }

    private void fail(Exception e) {
        if (failure == null) {
            failure = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private final class Guarded extends Upload {
        private final Upload upload;

        Guarded(Upload upload) {
            this.upload = upload;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (failure != null) {
                return;
            }
            try {
                upload.write(b, off, len);
            } catch (IOException | RuntimeException e) {
                fail(e);
                abortQuietly();
            }
        }

        @Override
        public void close() {
            if (failure != null) {
                abortQuietly();
                return;
            }
            try {
                upload.close();
            } catch (IOException | RuntimeException e) {
                fail(e);
                abortQuietly();
            }
        }

        @Override
        public void abort() {
            abortQuietly();
        }

        private void abortQuietly() {
            try {
                upload.abort();
            } catch (IOException | RuntimeException e) {
                // Already failed; the partial file is hidden and never published.
            }
        }
    }

    private static final class Dropped extends Upload {
        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }

        @Override
        public void abort() {
        }
    }

    private record Unreachable(String describe) implements BackupLocation {
        @Override
        public Upload create(String name) throws IOException {
            throw new IOException(describe + " is unreachable");
        }

        @Override
        public InputStream open(String name) throws IOException {
            throw new IOException(describe + " is unreachable");
        }

        @Override
        public List<String> list() throws IOException {
            throw new IOException(describe + " is unreachable");
        }

        @Override
        public void delete(String name) throws IOException {
            throw new IOException(describe + " is unreachable");
        }
    }
}
