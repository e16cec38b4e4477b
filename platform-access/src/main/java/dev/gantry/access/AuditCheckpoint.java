package dev.gantry.access;

import java.time.Instant;

/**
 * A signed statement that the audit trail's entry {@code seq} had hash {@code hash} at {@code time}.
 *
 * @param signature Ed25519 signature, Base64
 * @param keyId     names the public key that checks the signature
 */
public record AuditCheckpoint(long seq, String hash, Instant time, String signature, String keyId) {
}
