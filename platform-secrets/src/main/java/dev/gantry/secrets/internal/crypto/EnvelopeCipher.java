package dev.gantry.secrets.internal.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.crypto.SecretKey;

/** Envelope encryption of one secret version: a fresh data key per version, wrapped by the current root key. */
public final class EnvelopeCipher {

    private final AesGcm aes;

    public EnvelopeCipher(AesGcm aes) {
        this.aes = aes;
    }

    public EncryptedValue encrypt(RootKeyring keyring, String path, long version, byte[] plaintext) {
        int keyVersion = keyring.currentVersion();
        SecretKey dataKey = aes.newKey();
        byte[] raw = dataKey.getEncoded();
        try {
            byte[] ciphertext = aes.encrypt(dataKey, plaintext, associatedData("value", path, version, keyVersion));
            byte[] wrapped = aes.encrypt(keyring.current(), raw, associatedData("data-key", path, version, keyVersion));
            return new EncryptedValue(keyVersion, wrapped, ciphertext);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** @throws DecryptionFailedException if anything was changed, moved or the root key version is unknown */
    public byte[] decrypt(RootKeyring keyring, String path, long version, EncryptedValue value) {
        int keyVersion = value.keyVersion();
        byte[] raw = aes.decrypt(keyring.version(keyVersion), value.wrappedDataKey(),
                associatedData("data-key", path, version, keyVersion));
        try {
            if (raw.length != AesGcm.KEY_BYTES) {
                throw new DecryptionFailedException();
            }
            return aes.decrypt(AesGcm.key(raw), value.ciphertext(), associatedData("value", path, version, keyVersion));
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    // Length-prefixed fields, so no choice of path can make two different bindings serialise alike.
    private static byte[] associatedData(String purpose, String path, long version, int keyVersion) {
        StringBuilder out = new StringBuilder("gantry-secret/v1");
        for (String field : new String[] {purpose, path, Long.toString(version), Integer.toString(keyVersion)}) {
            out.append('|').append(field.length()).append(':').append(field);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
