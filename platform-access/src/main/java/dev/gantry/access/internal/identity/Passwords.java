package dev.gantry.access.internal.identity;

import java.security.SecureRandom;

import dev.gantry.domain.InvalidInputException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/** Argon2id with the OWASP minimum (19 MiB, 2 passes, 1 lane): about 45 ms a hash on the reference machine. */
@Component
public class Passwords {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();

    private final Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
    private final SecureRandom random = new SecureRandom();
    // Checked against when the user does not exist, so a refusal takes as long either way.
    private final String decoy = encoder.encode("decoy password that matches nothing");

    public String hash(CharSequence password) {
        return encoder.encode(password);
    }

    public boolean matches(CharSequence password, String hash) {
        return encoder.matches(password, hash);
    }

    public void burnTimeOfOneCheck(CharSequence password) {
        encoder.matches(password, decoy);
    }

    public void requireAcceptable(String field, CharSequence password, String username) {
        if (password.length() < MIN_LENGTH) {
            throw new InvalidInputException(field, "Use at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            throw new InvalidInputException(field, "Use at most " + MAX_LENGTH + " characters");
        }
        if (password.toString().toLowerCase().contains(username.toLowerCase())) {
            throw new InvalidInputException(field, "The password must not contain the user name");
        }
        if (password.chars().distinct().count() < 5) {
            throw new InvalidInputException(field, "Use more varied characters");
        }
    }

    /** 20 characters from an unambiguous 57-letter alphabet: about 116 bits. */
    public String generate() {
        char[] out = new char[20];
        for (int i = 0; i < out.length; i++) {
            out[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }
}
