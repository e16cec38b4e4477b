package dev.gantry.secrets.internal.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.springframework.stereotype.Component;

/**
 * The vault token format, {@code gvt_} and 43 base64url characters (256 random bits), and its stored digest.
 *
 * <p>SHA-256 rather than a password hash: 256 random bits leave nothing to brute-force, and a password hash on
 * every secret read would cost tens of milliseconds. The prefix differs from the API tokens' {@code gty_} so a
 * leaked token says which kind it is, and secret scanners can look for it.
 */
@Component
public class VaultTokenValues {

    public static final String PREFIX = "gvt_";
    private static final int RANDOM_BYTES = 32;
    private static final int ENCODED_LENGTH = PREFIX.length() + 43;

    private final SecureRandom random = new SecureRandom();

    public String newValue() {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether the text has the shape of a vault token at all; checked before any database access. */
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

    public String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    /**
     * Whether the presented token's digest is the stored one. The row was found by that digest already; comparing
     * again in constant time keeps the decision itself free of timing differences, whatever the database's
     * equality does.
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
}
