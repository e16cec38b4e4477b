package dev.gantry.recovery;

import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * The keys backups are written with: the current AES-256 backup key (any earlier one by id, to restore old
 * backups) and the Ed25519 pair that signs manifests. The application keeps them in the vault; without an
 * implementation from the application they are owner-only files under the data directory. An implementation that
 * cannot reach its keys throws {@link BackupKeysUnavailableException} saying what to do.
 */
public interface BackupKeys {

    BackupKey current();

    /** @throws dev.gantry.domain.NotFoundException if no key has that id */
    BackupKey byId(String keyId);

    PrivateKey manifestSigningKey();

    PublicKey manifestPublicKey();
}
