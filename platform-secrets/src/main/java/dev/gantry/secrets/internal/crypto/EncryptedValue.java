package dev.gantry.secrets.internal.crypto;

/**
 * One secret version at rest: the value under a fresh data key, and that data key wrapped by a root key version.
 * Both are bound to the secret's path and version, so neither opens anywhere else.
 *
 * @param keyVersion      the root key version that wraps the data key now
 * @param valueKeyVersion the root key version the value's ciphertext is bound to: the one that wrapped the data key
 *                        when the value was written. A rewrap moves the data key to a newer root key version without
 *                        touching the value's ciphertext, so the two may differ.
 */
public record EncryptedValue(int keyVersion, byte[] wrappedDataKey, byte[] ciphertext, int valueKeyVersion) {

    public EncryptedValue(int keyVersion, byte[] wrappedDataKey, byte[] ciphertext) {
        this(keyVersion, wrappedDataKey, ciphertext, keyVersion);
    }

    @Override
    public String toString() {
        return "EncryptedValue[keyVersion=" + keyVersion + "]";
    }
}
