package dev.gantry.secrets.internal.rotators;

import dev.gantry.domain.InvalidInputException;
import dev.gantry.secrets.RotationStepException;
import dev.gantry.secrets.RotatorParameters;
import dev.gantry.secrets.SecretValue;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * How a generated password looks: its length and which classes of character it must hold (at least one of each
 * class switched on). Characters are drawn uniformly with {@link SecureRandom} and shuffled, so the required
 * characters sit anywhere.
 */
public record PasswordRules(int length, boolean lower, boolean upper, boolean digits, String symbols,
        boolean avoidAmbiguous) {

    public static final Set<String> PARAMETERS = Set.of("length", "lowercase", "uppercase", "digits", "symbols",
            "avoid-ambiguous");
    public static final String DEFAULT_SYMBOLS = "!#%+-.:=?@^_~";
    private static final String AMBIGUOUS = "Il1O0o";
    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String DIGITS = "0123456789";

    public static PasswordRules from(RotatorParameters parameters, String symbolsByDefault, String forbidden) {
        PasswordRules rules = new PasswordRules(parameters.integer("length", 32, 12, 256),
                parameters.flag("lowercase", true), parameters.flag("uppercase", true),
                parameters.flag("digits", true), parameters.values().getOrDefault("symbols", symbolsByDefault),
                parameters.flag("avoid-ambiguous", false));
        for (char c : rules.symbols.toCharArray()) {
            if (c <= ' ' || c > '~' || Character.isLetterOrDigit(c) || forbidden.indexOf(c) >= 0) {
                throw new InvalidInputException(RotatorParameters.field("symbols"), "printable ASCII punctuation"
                        + (forbidden.isEmpty() ? "" : " other than " + forbidden));
            }
        }
        if (!rules.lower && !rules.upper && !rules.digits && rules.symbols.isEmpty()) {
            throw new InvalidInputException(RotatorParameters.field("lowercase"), "switch on at least one class");
        }
        return rules;
    }

    private List<String> classes() {
        List<String> classes = new ArrayList<>();
        if (lower) {
            classes.add(filter(LOWER));
        }
        if (upper) {
            classes.add(filter(UPPER));
        }
        if (digits) {
            classes.add(filter(DIGITS));
        }
        if (!symbols.isEmpty()) {
            classes.add(symbols);
        }
        return classes;
    }

    public SecretValue generate(SecureRandom random) {
        List<String> classes = classes();
        String alphabet = String.join("", classes);
        char[] password = new char[length];
        int i = 0;
        for (String oneOf : classes) {
            password[i++] = oneOf.charAt(random.nextInt(oneOf.length()));
        }
        for (; i < length; i++) {
            password[i] = alphabet.charAt(random.nextInt(alphabet.length()));
        }
        for (int j = length - 1; j > 0; j--) {
            int k = random.nextInt(j + 1);
            char swap = password[j];
            password[j] = password[k];
            password[k] = swap;
        }
        try {
            return SecretValue.of(password);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** @throws RotationStepException naming the rule the value breaks (never the value) */
    public void check(SecretValue value) {
        char[] chars = value.chars();
        try {
            if (chars.length != length) {
                throw new RotationStepException("the password is " + chars.length + " characters, not " + length);
            }
            String alphabet = String.join("", classes());
            for (char c : chars) {
                if (alphabet.indexOf(c) < 0) {
                    throw new RotationStepException("the password holds a character outside its rules");
                }
            }
            for (String oneOf : classes()) {
                boolean present = false;
                for (char c : chars) {
                    present |= oneOf.indexOf(c) >= 0;
                }
                if (!present) {
                    throw new RotationStepException("the password lacks a required class of character");
                }
            }
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    private String filter(String characters) {
        if (!avoidAmbiguous) {
            return characters;
        }
        StringBuilder kept = new StringBuilder();
        for (char c : characters.toCharArray()) {
            if (AMBIGUOUS.indexOf(c) < 0) {
                kept.append(c);
            }
        }
        return kept.toString();
    }
}
