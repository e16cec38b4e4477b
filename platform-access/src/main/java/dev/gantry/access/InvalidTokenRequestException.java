package dev.gantry.access;

/** A token request that breaks a rule (name length, scopes, lifetime); the message says which, for the user. */
public final class InvalidTokenRequestException extends RuntimeException {

    InvalidTokenRequestException(String message) {
        super(message);
    }
}
