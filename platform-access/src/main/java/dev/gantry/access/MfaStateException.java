package dev.gantry.access;

/** The request does not fit the user's MFA status, e.g. enrolling again while MFA is active. */
public final class MfaStateException extends MfaException {

    private final MfaStatus status;

    MfaStateException(String message, MfaStatus status) {
        super(message);
        this.status = status;
    }

    /** The status the user was in when the request was refused. */
    public MfaStatus status() {
        return status;
    }
}
