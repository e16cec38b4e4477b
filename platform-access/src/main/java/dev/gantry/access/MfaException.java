package dev.gantry.access;

/** A TOTP enrolment or recovery request that cannot be carried out. Messages never contain a code or secret. */
public abstract sealed class MfaException extends RuntimeException permits InvalidMfaCodeException, MfaStateException {

    MfaException(String message) {
        super(message);
    }
}
