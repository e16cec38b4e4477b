package dev.gantry.secrets;

import dev.gantry.domain.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a policy rule allows on the secret paths its glob matches. {@link #ADMIN} includes every other capability;
 * {@link #DENY} takes every capability away on the paths it matches, whatever any other rule or policy grants.
 */
public enum SecretCapability {
    /** Read a version's value. */
    READ,
    /** Write a new version (create or update). */
    WRITE,
    /** See a secret's metadata and history, and find it in a listing; never its value. */
    LIST,
    /** Soft-delete and undelete versions. */
    DELETE,
    /** Make an old version current again; does not need {@link #READ}: the value is copied, never shown. */
    ROLLBACK,
    /** Rotate the secret (new value from its rotator, staging labels). */
    ROTATE,
    /** Everything, including destroying versions for good and configuring the secret. */
    ADMIN,
    /** Nothing at all on the matched paths; wins over every grant. */
    DENY;

    /** The name used in policies and the API: lower case, e.g. {@code read}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws InvalidInputException naming {@code field} and the accepted names if {@code wireName} is unknown */
    public static SecretCapability fromWireName(String field, String wireName) {
        for (SecretCapability capability : values()) {
            if (capability.wireName().equals(wireName.strip().toLowerCase(Locale.ROOT))) {
                return capability;
            }
        }
        throw new InvalidInputException(field, "unknown capability '" + shorten(wireName) + "'; one of "
                + Arrays.stream(values()).map(SecretCapability::wireName).collect(Collectors.joining(", ")));
    }

    private static String shorten(String text) {
        String printable = text.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() > 20 ? printable.substring(0, 20) + "…" : printable;
    }
}
