package dev.gantry.recovery;

import dev.gantry.recovery.internal.archive.ArchiveHeader;
import dev.gantry.recovery.internal.archive.ArchiveWriter;
import dev.gantry.recovery.internal.archive.BufferBudget;
import dev.gantry.recovery.internal.archive.DigestingStreams;
import java.io.IOException;
import java.io.OutputStream;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Streams plaintext into one encrypted archive written to every given location at once; closing publishes the
 * archive everywhere, then its signed manifest ({@code <name>.manifest}). The manifest goes last, so an archive
 * without a manifest is an unfinished backup. Memory is a few chunk buffers whatever the size.
 */
public final class BackupWriter extends OutputStream {

    private final String archiveName;
    private final BackupKey key;
    private final PrivateKey signingKey;
    private final Clock clock;
    private final List<BackupLocation> locations;
    private final List<BackupLocation.Upload> uploads;
    private final DigestingStreams.FanOut stored;
    private final ArchiveWriter archive;
    private @Nullable SignedManifest manifest;
    private boolean failed;

    private BackupWriter(String archiveName, BackupKey key, PrivateKey signingKey, Clock clock,
            List<BackupLocation> locations, List<BackupLocation.Upload> uploads) throws IOException {
        this.archiveName = archiveName;
        this.key = key;
        this.signingKey = signingKey;
        this.clock = clock;
        this.locations = locations;
        this.uploads = uploads;
        this.stored = new DigestingStreams.FanOut(uploads);
        // Parallel: chunks are compressed and sealed on the shared archive workers while this thread reads on.
        this.archive = new ArchiveWriter(stored, key, ArchiveHeader.DEFAULT_CHUNK_SIZE, new SecureRandom(), new BufferBudget(),
                true);
    }

    public static BackupWriter create(String archiveName, BackupKey key, PrivateKey signingKey, Clock clock,
            List<BackupLocation> locations) throws IOException {
        BackupLocation.checkName(archiveName);
        if (locations.isEmpty()) {
            throw new IllegalArgumentException("a backup needs at least one location");
        }
        var uploads = new ArrayList<BackupLocation.Upload>();
        try {
            for (BackupLocation location : locations) {
                uploads.add(location.create(archiveName));
            }
            return new BackupWriter(archiveName, key, signingKey, clock, List.copyOf(locations), uploads);
        } catch (IOException | RuntimeException e) {
            abortAll(uploads, e);
            throw e;
        }
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        guard(() -> archive.write(b, off, len));
    }

    /** Discards the archive everywhere; nothing is published. */
    public void abort() {
        if (manifest == null && !failed) {
            failed = true;
            abortAll(uploads, null);
        }
    }

    @Override
    public void close() throws IOException {
        if (manifest != null || failed) {
            return;
        }
        guard(() -> {
            archive.close();
            for (BackupLocation.Upload upload : uploads) {
                upload.close();
            }
        });
        var facts = new BackupManifest(archiveName, archive.header().archiveIdHex(), key.keyId(), clock.instant(),
                archive.plainLength(), HexFormat.of().formatHex(archive.plainSha256()), stored.count(),
                HexFormat.of().formatHex(stored.sha256()));
        var signed = ManifestSigning.sign(facts, signingKey);
        for (BackupLocation location : locations) {
            try (var out = location.create(signed.fileName())) {
                out.write(signed.toBytes());
            }
        }
        manifest = signed;
    }

    public SignedManifest manifest() {
        if (manifest == null) {
            throw new IllegalStateException("the manifest exists once the backup is closed");
        }
        return manifest;
    }

    /** Bytes of working buffers this writer holds: bounded by the chunk size, not by the backup's size. */
    public long bufferBytes() {
        return archive.budget().allocatedBytes();
    }

    private void guard(IoAction action) throws IOException {
        if (failed) {
            throw new IOException("backup " + archiveName + " already failed and was discarded");
        }
        try {
            action.run();
        } catch (IOException | RuntimeException e) {
            failed = true;
            abortAll(uploads, e);
            throw e;
        }
    }

    private static void abortAll(List<BackupLocation.Upload> uploads, @Nullable Throwable cause) {
        for (BackupLocation.Upload upload : uploads) {
            try {
                upload.abort();
            } catch (IOException e) {
                if (cause != null) {
                    cause.addSuppressed(e);
                }
            }
        }
    }

    private interface IoAction {
        void run() throws IOException;
    }
}
