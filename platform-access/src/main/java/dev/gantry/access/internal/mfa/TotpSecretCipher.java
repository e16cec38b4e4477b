package dev.gantry.access.internal.mfa;

import dev.gantry.access.UnreadableMfaSecretException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import org.springframework.stereotype.Component;

/**
 * Encrypts TOTP secrets for storage with AES-256-GCM (JDK provider), a fresh 96-bit nonce each time and the
 * username as associated data: a ciphertext moved to another user's row does not decrypt.
 *
 * <p>Stored form, base64: {@code version (1 byte) | nonce (12) | ciphertext and tag (16)}. The version byte leaves
 * room for a later key rotation.
 */
@Component
public class TotpSecretCipher {

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final MfaKeyring keyring;
    private final SecureRandom random = new SecureRandom();

    public TotpSecretCipher(MfaKeyring keyring) {
        this.keyring = keyring;
    }

    public String encrypt(byte[] secret, String username) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keyring.secretEncryptionKey(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(username.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret);
            return Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /**
     * @throws UnreadableMfaSecretException if the stored value was altered, belongs to another user, or was
     *                                      encrypted under another key
     */
    public byte[] decrypt(String stored, String username) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(stored);
        } catch (IllegalArgumentException e) {
            throw new UnreadableMfaSecretException(username, "not base64");
        }
        if (bytes.length < 1 + NONCE_BYTES + TAG_BITS / 8 || bytes[0] != VERSION) {
            throw new UnreadableMfaSecretException(username, "unknown format");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, keyring.secretEncryptionKey(),
                    new GCMParameterSpec(TAG_BITS, bytes, 1, NONCE_BYTES));
            cipher.updateAAD(username.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(bytes, 1 + NONCE_BYTES, bytes.length - 1 - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new UnreadableMfaSecretException(username, "authentication tag does not match");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }
}
