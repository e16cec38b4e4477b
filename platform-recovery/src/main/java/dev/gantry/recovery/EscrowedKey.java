package dev.gantry.recovery;

/**
 * A backup key exported for escrow: the key wrapped with AES-256-GCM under a key derived from a passphrase with
 * Argon2id. The text is safe to print and file away; with the passphrase (kept elsewhere) it restores backups
 * when Gantry and its key files are gone.
 *
 * @param fingerprint SHA-256 of {@code text}, recorded with the export so an escrow can be recognised later
 */
public record EscrowedKey(String keyId, String text, String fingerprint) {

    @Override
    public String toString() {
        return "EscrowedKey[" + keyId + ", " + fingerprint + "]";
    }
}
