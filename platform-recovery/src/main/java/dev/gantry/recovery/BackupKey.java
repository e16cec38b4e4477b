package dev.gantry.recovery;

import java.util.Arrays;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * An AES-256 backup key and the id archives record to name it. The key bytes never appear in {@link #toString()}.
 */
public final class BackupKey {

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final String keyId;
    private final SecretKey key;

    private BackupKey(String keyId, SecretKey key) {
        this.keyId = keyId;
        this.key = key;
    }

    public static BackupKey of(String keyId, byte[] keyBytes) {
        if (!KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException("key id must be 1-64 characters of A-Z a-z 0-9 . _ : -");
        }
        if (keyBytes.length != 32) {
            throw new IllegalArgumentException("a backup key has 32 bytes, not " + keyBytes.length);
        }
        return new BackupKey(keyId, new SecretKeySpec(Arrays.copyOf(keyBytes, 32), "AES"));
    }

    public String keyId() {
        return keyId;
    }

    /** For the archive code only; callers hold the key, they never need its bytes back. */
    public SecretKey secretKey() {
        return key;
    }

    @Override
    public String toString() {
        return "BackupKey[" + keyId + "]";
    }
}
