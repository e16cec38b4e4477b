package dev.gantry.domain.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A bearer token format: a prefix naming the kind of token ({@code gty_} for API tokens, {@code gvt_} for vault
 * tokens) and 43 base64url characters (256 random bits). Only the token's SHA-256 is stored.
 *
 * <p>SHA-256, not a password hash: the value is 256 random bits, so there is nothing to brute-force and no
 * dictionary to slow down, while a password hash (tens of milliseconds) on every request would cap the API at a
 * few dozen requests per second per core. The prefix makes a leaked token easy to spot in code and logs, and says
 * which kind it is.
 */
public final class TokenFormat {

    private static final Pattern PREFIX = Pattern.compile("[a-z]{2,8}_");
    private static final int RANDOM_BYTES = 32;
    private static final int ENCODED_RANDOM_LENGTH = 43;

    private final String prefix;
    private final SecureRandom random = new SecureRandom();

    public TokenFormat(String prefix) {
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("a token prefix is 2 to 8 lower-case letters and '_', not " + prefix);
        }
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }

    public String newValue() {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether the text has the shape of a token of this kind at all; checked before any database access. */
    public boolean wellFormed(String presented) {
        if (presented.length() != prefix.length() + ENCODED_RANDOM_LENGTH || !presented.startsWith(prefix)) {
            return false;
        }
        for (int i = prefix.length(); i < presented.length(); i++) {
            char c = presented.charAt(i);
            boolean base64url = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_';
            if (!base64url) {
                return false;
            }
        }
        return true;
    }

    public byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }

    /** The stored form: the SHA-256 of the whole value, in lower-case hex. */
    public String hexDigest(String value) {
        return hex(digest(value));
    }

    public static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    /**
     * Whether the presented token's digest is the stored one. The row was found by that digest already; comparing
     * again in constant time keeps the decision itself free of timing differences, whatever the database's
     * equality does. A stored digest that is not hex matches nothing.
     */
    public boolean matches(byte[] presentedDigest, String storedHexDigest) {
        byte[] stored;
        try {
            stored = HexFormat.of().parseHex(storedHexDigest);
        } catch (IllegalArgumentException corrupt) {
            return false;
        }
        return MessageDigest.isEqual(presentedDigest, stored);
    }

    /** The first characters after the prefix: enough to tell tokens apart in a list, far too few to use one. */
    public String displayPrefix(String value, int length) {
        return value.substring(prefix.length(), prefix.length() + length);
    }
}
