package dev.gantry.secrets;

import dev.gantry.domain.InvalidInputException;
import java.util.regex.Pattern;

/**
 * Where a secret lives: {@code team/service/environment/name}. The team owns it. Segments are lower-case letters,
 * digits and hyphens; the name may also hold dots and underscores.
 */
public record SecretPath(String team, String service, String environment, String name) {

    public static final int MAX_SEGMENT = 64;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9._-]{0,62}[A-Za-z0-9])?");

    /** @throws InvalidInputException (field {@code path}) saying which segment is wrong and what is accepted */
    public static SecretPath parse(String path) {
        String[] segments = path.strip().split("/", -1);
        if (segments.length != 4) {
            throw new InvalidInputException("path",
                    "a secret path has four segments: team/service/environment/name");
        }
        requireSlug(segments[0], "team");
        requireSlug(segments[1], "service");
        requireSlug(segments[2], "environment");
        if (!NAME.matcher(segments[3]).matches()) {
            throw new InvalidInputException("path", "the name must be 1 to " + MAX_SEGMENT
                    + " letters, digits, dots, underscores or hyphens, starting and ending with a letter or digit");
        }
        return new SecretPath(segments[0], segments[1], segments[2], segments[3]);
    }

    private static void requireSlug(String segment, String what) {
        if (!SLUG.matcher(segment).matches()) {
            throw new InvalidInputException("path", "the " + what + " must be 1 to " + MAX_SEGMENT
                    + " lower-case letters, digits or hyphens, starting and ending with a letter or digit");
        }
    }

    @Override
    public String toString() {
        return team + "/" + service + "/" + environment + "/" + name;
    }
}
