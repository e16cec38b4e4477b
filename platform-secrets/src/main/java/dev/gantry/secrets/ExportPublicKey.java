package dev.gantry.secrets;

import java.time.Instant;

/**
 * One generation of the key pair sealed-secret files are encrypted to, as anyone may see it: the public half only.
 * Give {@code pem} (or {@code base64}, the 32 raw bytes) to CI so it can seal with {@link PublicKeySealer}.
 */
public record ExportPublicKey(int generation, String keyId, String base64, String pem, boolean current,
        Instant createdAt, String createdBy) {
}
