package dev.gantry.secrets.internal.scan;

/**
 * What a finding shows of the secret it found: enough to recognise it, never enough to use it. At most the first
 * four characters, and never more than a quarter of the value, plus its length.
 */
public final class Redaction {

    private Redaction() {
    }

    public static String preview(String secret) {
        int shown = Math.min(4, secret.length() / 4);
        return secret.substring(0, shown) + "\u2026 (" + secret.length() + " chars)";
    }
}
