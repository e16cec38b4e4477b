package dev.gantry.recovery;

/**
 * A backup key exported for escrow: the key wrapped with AES-256-GCM under a key derived from a passphrase with
 * Argon2id, together with the public key that verifies backup manifests. The text is safe to print and file away;
 * with the passphrase (kept elsewhere) it restores the backups written under {@code keyId} when Gantry, its vault
 * and its key files are gone. Backups written under other keys need the escrow of their own key.
 *
 * @param signingKeyFingerprint SHA-256 of the manifest signing public key the escrow carries
 * @param fingerprint           SHA-256 of {@code text}, recorded with the export so an escrow can be recognised later
 */
public record EscrowedKey(String keyId, String signingKeyFingerprint, String text, String fingerprint) {

    @Override
    public String toString() {
        return "EscrowedKey[" + keyId + ", " + fingerprint + "]";
    }
}
