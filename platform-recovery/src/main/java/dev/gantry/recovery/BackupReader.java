package dev.gantry.recovery;

import dev.gantry.recovery.internal.archive.ArchiveReader;
import dev.gantry.recovery.internal.archive.BufferBudget;
import dev.gantry.recovery.internal.archive.DigestingStreams;
import java.io.IOException;
import java.io.InputStream;
import java.security.PublicKey;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * Reads a backup back as plaintext. Chunks are authenticated as they are read; the whole (length, SHA-256 of the
 * plaintext and, with a manifest, of the stored bytes) is proven when {@link #read} returns -1, so a consumer that
 * must be all-or-nothing reads to the end before it commits anything.
 *
 * <p>Read from a location, the plaintext is not hashed a second time: the stored bytes are proven against the
 * signed manifest, every chunk against its GCM tag, and the final chunk must declare the manifest's plaintext
 * digest (see docs/recovery-archive-format.md, "What a restore hashes"). A restore of a directory tree still
 * hashes every file.
 */
public final class BackupReader extends InputStream {

    private final DigestingStreams.Hashing stored;
    private final ArchiveReader archive;
    private final @Nullable BackupManifest manifest;
    private boolean verified;

    private BackupReader(DigestingStreams.Hashing stored, ArchiveReader archive, @Nullable BackupManifest manifest) {
        this.stored = stored;
        this.archive = archive;
        this.manifest = manifest;
    }

    /** An archive on its own: authenticated with the key, no manifest checked. */
    public static BackupReader open(InputStream archive, BackupKey key) throws IOException {
        var stored = new DigestingStreams.Hashing(archive);
        return new BackupReader(stored, new ArchiveReader(stored, key, new BufferBudget(), true), null);
    }

    /** An archive from a location, after its signed manifest verified with {@code manifestKey}. */
    public static BackupReader open(BackupLocation location, String archiveName, BackupKey key, PublicKey manifestKey)
            throws IOException {
        SignedManifest signed;
        try (InputStream in = location.open(BackupLocation.checkName(archiveName) + ".manifest")) {
            signed = SignedManifest.parse(in.readNBytes(8192));
        }
        ManifestSigning.verify(signed, manifestKey);
        BackupManifest manifest = signed.manifest();
        if (!manifest.archiveName().equals(archiveName)) {
            throw new ManifestSignatureException("manifest " + archiveName + ".manifest describes "
                    + manifest.archiveName());
        }
        var stored = new DigestingStreams.Hashing(location.open(archiveName));
        try {
            var archive = new ArchiveReader(stored, key, new BufferBudget(), true,
                    HexFormat.of().parseHex(manifest.plaintextSha256()));
            if (!archive.header().archiveIdHex().equals(manifest.archiveId())) {
                throw new ArchiveCorruptedException("archive " + archiveName + " has id " + archive.header().archiveIdHex()
                        + " but its manifest names " + manifest.archiveId());
            }
            return new BackupReader(stored, archive, manifest);
        } catch (IOException | RuntimeException e) {
            stored.close();
            throw e;
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = archive.read(b, off, len);
        if (n < 0 && !verified) {
            verifyAgainstManifest();
            verified = true;
        }
        return n;
    }

    private void verifyAgainstManifest() throws ArchiveCorruptedException {
        if (manifest == null) {
            return;
        }
        String sha256 = HexFormat.of().formatHex(stored.sha256());
        if (stored.count() != manifest.archiveBytes() || !sha256.equals(manifest.archiveSha256())) {
            throw new ArchiveCorruptedException("archive " + manifest.archiveName() + " has " + stored.count()
                    + " bytes with SHA-256 " + sha256 + "; its manifest says " + manifest.archiveBytes()
                    + " bytes with SHA-256 " + manifest.archiveSha256());
        }
        if (archive.plaintextBytes() != manifest.plaintextBytes()) {
            throw new ArchiveCorruptedException("archive " + manifest.archiveName() + " holds "
                    + archive.plaintextBytes() + " plaintext bytes; its manifest says " + manifest.plaintextBytes());
        }
    }

    public long bufferBytes() {
        return archive.budget().allocatedBytes();
    }

    @Override
    public void close() throws IOException {
        archive.close();
    }
}
