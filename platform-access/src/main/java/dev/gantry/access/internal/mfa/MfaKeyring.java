package dev.gantry.access.internal.mfa;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The keys that protect MFA data at rest, derived from one 256-bit master key in {@code mfa.key} in the key
 * directory. Derivation (HMAC-SHA256 over a fixed label, i.e. HKDF-Expand with one block) gives each use its own
 * key, so the recovery-code MAC key is never also an AES key.
 *
 * <p>Every node of a cluster must see the same key file: a node that generates its own cannot read the others'
 * secrets. Losing the file makes every enrolment unusable (users then need an MFA reset), so it belongs in backups.
 */
@Component
public class MfaKeyring {

    static final String FILE_NAME = "mfa.key";
    private static final int KEY_BYTES = 32;

    private final Path keyFile;
    private final SecureRandom random;
    private @Nullable Keys keys;

    public MfaKeyring(@Value("${gantry.keys.dir:./data/keys}") Path keysDir) {
        this.keyFile = keysDir.resolve(FILE_NAME);
        this.random = new SecureRandom();
    }

    SecretKey secretEncryptionKey() {
        return keys().secretEncryption();
    }

    SecretKey recoveryCodeMacKey() {
        return keys().recoveryCodeMac();
    }

    /** Loaded on first use, not at start, so an application that never touches MFA never creates a key file. */
    private synchronized Keys keys() {
        if (keys == null) {
            byte[] master = KeyFile.readOrCreate(keyFile, KEY_BYTES, random);
            keys = new Keys(
                    new SecretKeySpec(derive(master, "gantry mfa totp-secret aes-256-gcm v1"), "AES"),
                    new SecretKeySpec(derive(master, "gantry mfa recovery-code hmac-sha256 v1"), "HmacSHA256"));
            Arrays.fill(master, (byte) 0);
        }
        return keys;
    }

    private static byte[] derive(byte[] master, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            mac.update(label.getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(new byte[] {1});
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every JDK", e);
        }
    }

    private record Keys(SecretKey secretEncryption, SecretKey recoveryCodeMac) {
    }
}
