package dev.gantry.access;

/**
 * A stored TOTP secret that does not decrypt: the row was tampered with or copied from another user, or the key
 * file is not the one it was written with. An integrity failure, not a wrong code: the user needs an MFA reset.
 */
public final class UnreadableMfaSecretException extends IllegalStateException {

    public UnreadableMfaSecretException(String username, String why) {
        super("stored TOTP secret of user '" + username + "' cannot be decrypted (" + why
                + "): wrong key file, or the row was altered or copied from another user");
    }
}
