package dev.gantry.recovery;

/**
 * The backup keys cannot be reached now, e.g. the vault that keeps them is sealed. The message says why and what
 * to do, in words meant for whoever reads the failed backup or drill; it never holds key material.
 */
public class BackupKeysUnavailableException extends RuntimeException {

    public BackupKeysUnavailableException(String message) {
        super(message);
    }
}
