package dev.gantry.secrets.internal.crypto;

/**
 * Data wrapped by a root key version below the minimum decryption version: the vault refuses it even though the key
 * may still be stored, because raising the minimum declared that nothing legitimate needs it any more.
 */
public final class RetiredKeyVersionException extends DecryptionFailedException {

    public RetiredKeyVersionException(int keyVersion, int minDecryptionVersion) {
        super("root key version " + keyVersion + " is retired: the minimum decryption version is "
                + minDecryptionVersion);
    }
}
