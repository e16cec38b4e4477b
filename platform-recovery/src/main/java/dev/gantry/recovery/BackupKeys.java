package dev.gantry.recovery;

import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * The keys backups are written with: the current AES-256 backup key (any earlier one by id, to restore old
 * backups) and the Ed25519 pair that signs manifests. Gantry keeps them in owner-only files under its data
 * directory unless the application provides another implementation (the vault, later).
 */
public interface BackupKeys {

    BackupKey current();

    /** @throws dev.gantry.domain.NotFoundException if no key has that id */
    BackupKey byId(String keyId);

    PrivateKey manifestSigningKey();

    PublicKey manifestPublicKey();
}
