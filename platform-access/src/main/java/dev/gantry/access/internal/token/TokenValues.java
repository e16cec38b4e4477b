package dev.gantry.access.internal.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.springframework.stereotype.Component;

/**
 * The token value format, {@code gty_} and 43 base64url characters (256 random bits), and its stored digest.
 *
 * <p>SHA-256, not a password hash: the value is 256 random bits, so there is nothing to brute-force and no
 * dictionary to slow down, while a password hash (tens of milliseconds) on every API request would cap the API at
 * a few dozen requests per second per core. The prefix makes leaked tokens easy to spot in code and logs.
 */
@Component
public class TokenValues {

    public static final String PREFIX = "gty_";
    public static final int DISPLAY_PREFIX_LENGTH = 8;
    private static final int RANDOM_BYTES = 32;
    private static final int ENCODED_LENGTH = PREFIX.length() + 43;

    private final SecureRandom random = new SecureRandom();

    public String newValue() {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether the text has the shape of a token at all; checked before any database access. */
    public boolean wellFormed(String presented) {
        if (presented.length() != ENCODED_LENGTH || !presented.startsWith(PREFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < presented.length(); i++) {
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

    public String hexDigest(String value) {
        return HexFormat.of().formatHex(digest(value));
    }

    /** The first characters after {@code gty_}: 48 of the 256 bits, enough to tell tokens apart in a list. */
    public String displayPrefix(String value) {
        return value.substring(PREFIX.length(), PREFIX.length() + DISPLAY_PREFIX_LENGTH);
    }
}
