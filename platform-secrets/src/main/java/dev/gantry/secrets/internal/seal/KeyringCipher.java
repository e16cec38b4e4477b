package dev.gantry.secrets.internal.seal;

import dev.gantry.secrets.internal.crypto.AesGcm;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.crypto.SecretKey;

/**
 * The keyring at rest, in two layers: the unseal key wraps one keyring key, and the keyring key wraps each root key
 * version. A rekey then replaces one wrapped key, and a node that holds the keyring key can read root key versions
 * another node added after a rekey. Vaults initialised before the middle layer existed wrapped root keys directly
 * under the unseal key ({@link #unwrapLegacy}); they are upgraded at their next unseal.
 */
final class KeyringCipher {

    private static final byte[] KEYRING_KEY_BINDING = "gantry-keyring-key/v1".getBytes(StandardCharsets.UTF_8);

    private final AesGcm aes;

    KeyringCipher(AesGcm aes) {
        this.aes = aes;
    }

    byte[] wrapKeyringKey(SecretKey unsealKey, SecretKey keyringKey) {
        return aes.encrypt(unsealKey, keyringKey.getEncoded(), KEYRING_KEY_BINDING);
    }

    SecretKey unwrapKeyringKey(SecretKey unsealKey, byte[] wrapped) {
        return key(aes.decrypt(unsealKey, wrapped, KEYRING_KEY_BINDING));
    }

    byte[] wrap(SecretKey keyringKey, int version, SecretKey rootKey) {
        return aes.encrypt(keyringKey, rootKey.getEncoded(), binding("gantry-keyring/v2|", version));
    }

    SecretKey unwrap(SecretKey keyringKey, int version, byte[] wrapped) {
        return key(aes.decrypt(keyringKey, wrapped, binding("gantry-keyring/v2|", version)));
    }

    SecretKey unwrapLegacy(SecretKey unsealKey, int version, byte[] wrapped) {
        return key(aes.decrypt(unsealKey, wrapped, binding("gantry-keyring/v1|", version)));
    }

    private static SecretKey key(byte[] raw) {
        try {
            return AesGcm.key(raw);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    private static byte[] binding(String prefix, int version) {
        return (prefix + version).getBytes(StandardCharsets.UTF_8);
    }
}
