package dev.gantry.recovery;

import dev.gantry.recovery.internal.keys.FileBackupKeys;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Optional;

/**
 * The owner-only key files Gantry writes when it keeps backup keys on disk ({@code gantry.recovery.key-dir}), read
 * as they are, for moving them elsewhere (the vault) with their ids unchanged, so every backup written with them
 * still opens. Nothing here creates a key.
 */
public final class KeyFiles {

    private final FileBackupKeys files;

    private KeyFiles(Path directory) {
        this.files = new FileBackupKeys(directory);
    }

    public static KeyFiles in(Path directory) {
        return new KeyFiles(directory);
    }

    /** Ids of the backup keys on disk, sorted; empty if there are none. */
    public List<String> keyIds() {
        return files.keyIds();
    }

    public BackupKey key(String keyId) {
        return files.byId(keyId);
    }

    /** The key backups were last written with. */
    public Optional<String> currentKeyId() {
        return files.currentKeyId();
    }

    public Optional<KeyPair> manifestSigningPair() {
        return files.existingSigningPair();
    }

    /** Deletes the key files; call only once their keys are safely elsewhere. */
    public void remove() {
        files.removeKeyFiles();
    }
}
