package dev.gantry.secrets.internal.crypto;

/** Authentication failed: wrong key, tampered bytes, or bytes bound to another path, version or key version. */
public class DecryptionFailedException extends RuntimeException {

    public DecryptionFailedException() {
        super("ciphertext failed authentication");
    }

    protected DecryptionFailedException(String message) {
        super(message);
    }
}
