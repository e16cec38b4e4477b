package dev.gantry.access;

/** The code given is not the current code of the user's authenticator, or was already used. Nothing changed. */
public final class InvalidMfaCodeException extends MfaException {

    InvalidMfaCodeException(String message) {
        super(message);
    }
}
