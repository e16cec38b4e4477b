package dev.gantry.access.internal.mfa;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import org.springframework.stereotype.Component;

/**
 * Recovery codes: ten characters of Crockford's base32 alphabet (no i, l, o, u), shown as {@code xxxxx-xxxxx},
 * 50 random bits each.
 *
 * <p>Stored as HMAC-SHA256 under a key from the key directory, bound to the username. A slow password hash buys
 * nothing here: the codes are random, not chosen, so the only attack on a stolen table is brute force of 2^50
 * values, and without the key (which is not in the database) there is nothing to brute-force against; whoever has
 * the key can decrypt the TOTP secrets anyway. A keyed hash also allows lookup by hash, so using a code is one
 * atomic conditional update instead of ten slow comparisons.
 */
@Component
public class RecoveryCodes {

    public static final int COUNT = 10;
    private static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
    private static final int LENGTH = 10;

    private final MfaKeyring keyring;
    private final SecureRandom random = new SecureRandom();

    public RecoveryCodes(MfaKeyring keyring) {
        this.keyring = keyring;
    }

    public List<String> generate() {
        List<String> codes = new ArrayList<>(COUNT);
        while (codes.size() < COUNT) {
            StringBuilder code = new StringBuilder(LENGTH + 1);
            for (int i = 0; i < LENGTH; i++) {
                if (i == LENGTH / 2) {
                    code.append('-');
                }
                code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            if (!codes.contains(code.toString())) {
                codes.add(code.toString());
            }
        }
        return List.copyOf(codes);
    }

    /** The stored hash of a code as the user typed it, or empty if it cannot be a recovery code at all. */
    public Optional<String> hash(String username, String presented) {
        return normalise(presented).map(code -> mac(username, code));
    }

    /**
     * Case, spaces and dashes do not matter; o, i and l are read as 0, 1 and 1 as Crockford's base32 intends,
     * since people copy codes from paper.
     */
    static Optional<String> normalise(String presented) {
        StringBuilder code = new StringBuilder(LENGTH);
        for (char c : presented.toLowerCase(Locale.ROOT).toCharArray()) {
            char mapped = switch (c) {
                case 'o' -> '0';
                case 'i', 'l' -> '1';
                default -> c;
            };
            if (mapped == ' ' || mapped == '-' || mapped == '\t') {
                continue;
            }
            if (ALPHABET.indexOf(mapped) < 0 || code.length() == LENGTH) {
                return Optional.empty();
            }
            code.append(mapped);
        }
        return code.length() == LENGTH ? Optional.of(code.toString()) : Optional.empty();
    }

    private String mac(String username, String normalisedCode) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(keyring.recoveryCodeMacKey());
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(normalisedCode.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every JDK", e);
        }
    }
}
