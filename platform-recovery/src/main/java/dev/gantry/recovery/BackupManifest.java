package dev.gantry.recovery;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** What a backup is: the facts a restore checks before trusting an archive. Signed as {@link SignedManifest}. */
public record BackupManifest(String archiveName, String archiveId, String keyId, Instant createdAt,
        long plaintextBytes, String plaintextSha256, long archiveBytes, String archiveSha256) {

    static final String FORMAT = "gantry-backup-manifest 1";

    public BackupManifest {
        BackupLocation.checkName(archiveName);
    }

    /** One field a line, in a fixed order: the exact bytes that are signed. */
    public byte[] canonicalBytes() {
        String text = FORMAT + "\n"
                + "archive=" + archiveName + "\n"
                + "archive-id=" + archiveId + "\n"
                + "key-id=" + keyId + "\n"
                + "created-at=" + createdAt + "\n"
                + "plaintext-bytes=" + plaintextBytes + "\n"
                + "plaintext-sha256=" + plaintextSha256 + "\n"
                + "archive-bytes=" + archiveBytes + "\n"
                + "archive-sha256=" + archiveSha256 + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
