package dev.gantry.secrets.internal.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.crypto.SecretKey;

/**
 * Envelope encryption of one secret version: a fresh data key per version, wrapped by the current root key. Also
 * wraps the vault's own internal keys (the sealed-export private keys) under the root key in the same way.
 */
public final class EnvelopeCipher {

    private final AesGcm aes;

    public EnvelopeCipher(AesGcm aes) {
        this.aes = aes;
    }

    /** Encrypts under the newest root key version, reloading the keyring first if another node changed it. */
    public EncryptedValue encrypt(RootKeyring keyring, String path, long version, byte[] plaintext) {
        RootKeyring latest = keyring.latest();
        int keyVersion = latest.currentVersion();
        SecretKey dataKey = aes.newKey();
        byte[] raw = dataKey.getEncoded();
        try {
            byte[] ciphertext = aes.encrypt(dataKey, plaintext, associatedData("value", path, version, keyVersion));
            byte[] wrapped = aes.encrypt(latest.current(), raw, associatedData("data-key", path, version, keyVersion));
            return new EncryptedValue(keyVersion, wrapped, ciphertext, keyVersion);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** @throws DecryptionFailedException if anything was changed, moved or the root key version is unknown or retired */
    public byte[] decrypt(RootKeyring keyring, String path, long version, EncryptedValue value) {
        byte[] raw = unwrapDataKey(keyring, path, version, value);
        try {
            return aes.decrypt(AesGcm.key(raw), value.ciphertext(),
                    associatedData("value", path, version, value.valueKeyVersion()));
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /**
     * Moves the data key under the newest root key version of {@code keyring}; the value's ciphertext is untouched
     * and the plaintext is never formed.
     */
    public EncryptedValue rewrap(RootKeyring keyring, String path, long version, EncryptedValue value) {
        byte[] raw = unwrapDataKey(keyring, path, version, value);
        try {
            int target = keyring.currentVersion();
            byte[] wrapped = aes.encrypt(keyring.current(), raw, associatedData("data-key", path, version, target));
            return new EncryptedValue(target, wrapped, value.ciphertext(), value.valueKeyVersion());
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** Wraps one of the vault's internal keys under the newest root key version, bound to {@code label}. */
    public WrappedKey wrapKey(RootKeyring keyring, String label, byte[] key) {
        RootKeyring latest = keyring.latest();
        int keyVersion = latest.currentVersion();
        return new WrappedKey(keyVersion, aes.encrypt(latest.current(), key, associatedData("internal-key", label, 0,
                keyVersion)));
    }

    /** @throws DecryptionFailedException if the wrapped key was changed, relabelled or its root key version retired */
    public byte[] unwrapKey(RootKeyring keyring, String label, WrappedKey wrapped) {
        return aes.decrypt(keyring.version(wrapped.keyVersion()), wrapped.wrapped(),
                associatedData("internal-key", label, 0, wrapped.keyVersion()));
    }

    public WrappedKey rewrapKey(RootKeyring keyring, String label, WrappedKey wrapped) {
        byte[] raw = unwrapKey(keyring, label, wrapped);
        try {
            int target = keyring.currentVersion();
            return new WrappedKey(target, aes.encrypt(keyring.current(), raw,
                    associatedData("internal-key", label, 0, target)));
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    private byte[] unwrapDataKey(RootKeyring keyring, String path, long version, EncryptedValue value) {
        int keyVersion = value.keyVersion();
        byte[] raw = aes.decrypt(keyring.version(keyVersion), value.wrappedDataKey(),
                associatedData("data-key", path, version, keyVersion));
        if (raw.length != AesGcm.KEY_BYTES) {
            Arrays.fill(raw, (byte) 0);
            throw new DecryptionFailedException();
        }
        return raw;
    }

    // Length-prefixed fields, so no choice of path can make two different bindings serialise alike.
    static byte[] associatedData(String purpose, String path, long version, int keyVersion) {
        StringBuilder out = new StringBuilder("gantry-secret/v1");
        for (String field : new String[] {purpose, path, Long.toString(version), Integer.toString(keyVersion)}) {
            out.append('|').append(field.length()).append(':').append(field);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
