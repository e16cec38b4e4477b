package dev.gantry.secrets;

/** How the key that opens the keyring is kept. */
public enum UnsealMode {
    /** Split into shares held by people; a threshold of them unseals. */
    SHAMIR,
    /** Read from a key file at start-up: the default for a single embedded node, as safe as that file. */
    KEY_FILE
}
