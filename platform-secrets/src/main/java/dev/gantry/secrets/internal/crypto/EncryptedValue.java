package dev.gantry.secrets.internal.crypto;

/**
 * One secret version at rest: the value under a fresh data key, and that data key wrapped by a root key version.
 * Both are bound to the secret's path and version, so neither opens anywhere else.
 */
public record EncryptedValue(int keyVersion, byte[] wrappedDataKey, byte[] ciphertext) {

    @Override
    public String toString() {
        return "EncryptedValue[keyVersion=" + keyVersion + "]";
    }
}
