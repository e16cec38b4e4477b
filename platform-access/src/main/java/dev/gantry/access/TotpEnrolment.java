package dev.gantry.access;

/**
 * What a user needs to add Gantry to an authenticator app: the secret in base32 to type in, and the
 * {@code otpauth://} URI to draw as a QR code. Shown once, while the enrolment is pending.
 */
public record TotpEnrolment(String username, String secretBase32, String otpauthUri) {

    /** Both the secret and the URI carrying it are left out, so a logged enrolment reveals nothing. */
    @Override
    public String toString() {
        return "TotpEnrolment[username=" + username + ", secret=<hidden>]";
    }
}
