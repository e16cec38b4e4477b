package dev.gantry.secrets.internal.seal;

import dev.gantry.secrets.internal.crypto.AesGcm;
import java.nio.charset.StandardCharsets;
import javax.crypto.SecretKey;

/** Root key versions at rest: each encrypted under the unseal key and bound to its version number. */
final class KeyringCipher {

    private final AesGcm aes;

    KeyringCipher(AesGcm aes) {
        this.aes = aes;
    }

    byte[] wrap(SecretKey unsealKey, int version, SecretKey rootKey) {
        return aes.encrypt(unsealKey, rootKey.getEncoded(), associatedData(version));
    }

    SecretKey unwrap(SecretKey unsealKey, int version, byte[] wrapped) {
        byte[] raw = aes.decrypt(unsealKey, wrapped, associatedData(version));
        try {
            return AesGcm.key(raw);
        } finally {
            java.util.Arrays.fill(raw, (byte) 0);
        }
    }

    private static byte[] associatedData(int version) {
        return ("gantry-keyring/v1|" + version).getBytes(StandardCharsets.UTF_8);
    }
}
