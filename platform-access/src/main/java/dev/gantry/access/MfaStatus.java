package dev.gantry.access;

/** Where a user stands with TOTP multi-factor authentication. */
public enum MfaStatus {
    /** Never enrolled, or reset by an administrator. */
    NONE,
    /** A secret was handed out but no code from it has been confirmed yet; sign-in does not ask for it. */
    PENDING,
    /** Confirmed: sign-in asks for a code, recovery codes exist. */
    ACTIVE
}
