package dev.gantry.secrets.internal.policy;

import dev.gantry.domain.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A glob over secret paths ({@code team/service/environment/name}), compiled once and matched without regular
 * expressions, since it runs on every secret read.
 *
 * <ul>
 *   <li>A literal segment matches exactly that segment (case-sensitive).</li>
 *   <li>{@code *} as a whole segment in the middle matches exactly one segment: {@code *}{@code /api/prod/*}.</li>
 *   <li>{@code **} ends a glob and matches one or more further segments: {@code payments/**}.</li>
 *   <li>A {@code *} that ends the glob matches any suffix, like Vault's trailing glob: {@code payments/*} is the
 *       same as {@code payments/**}; {@code payments/api/prod/db-*} matches every name starting with {@code db-}.
 *       Note that {@code pay*} matches {@code payroll/...} as well as {@code payments/...}.</li>
 *   <li>{@code **} alone, or {@code *} alone, matches every path.</li>
 * </ul>
 *
 * A glob that could never match a four-segment path (too many segments, or too few without a trailing wildcard) is
 * refused rather than stored as a rule that silently does nothing.
 */
public final class PathGlob {

    public static final int MAX_LENGTH = 300;
    public static final int PATH_SEGMENTS = 4;
    private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private enum Tail {
        /** No wildcard at the end: the path has exactly the fixed segments. */
        EXACT,
        /** {@code **} or a lone trailing {@code *}: one or more segments follow the fixed ones. */
        ANY_SEGMENTS,
        /** {@code prefix*}: the segment after the fixed ones starts with the prefix; anything may follow. */
        PREFIX
    }

    private final String text;
    /** One entry per fixed segment; {@code null} stands for {@code *} (any one segment). */
    private final @Nullable String[] fixed;
    private final Tail tail;
    private final String prefix;

    private PathGlob(String text, @Nullable String[] fixed, Tail tail, String prefix) {
        this.text = text;
        this.fixed = fixed;
        this.tail = tail;
        this.prefix = prefix;
    }

    /** @throws InvalidInputException naming {@code field} and saying what is wrong with the glob */
    public static PathGlob parse(String field, String glob) {
        String text = glob.strip();
        if (text.isEmpty()) {
            throw new InvalidInputException(field, "a path glob must not be empty; use ** for every path");
        }
        if (text.length() > MAX_LENGTH) {
            throw new InvalidInputException(field, "a path glob holds at most " + MAX_LENGTH + " characters");
        }
        String[] segments = text.split("/", -1);
        List<@Nullable String> fixed = new ArrayList<>();
        Tail tail = Tail.EXACT;
        String prefix = "";
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            String where = "segment " + (i + 1);
            if (segment.isEmpty()) {
                throw new InvalidInputException(field,
                        "a path glob has no empty segments: it must not start or end with / or contain //");
            }
            if (segment.equals("**")) {
                if (!last) {
                    throw new InvalidInputException(field, where
                            + ": ** may only end a glob; use * for exactly one segment in the middle");
                }
                tail = Tail.ANY_SEGMENTS;
            } else if (segment.equals("*")) {
                if (last) {
                    tail = Tail.ANY_SEGMENTS;
                } else {
                    fixed.add(null);
                }
            } else if (segment.indexOf('*') >= 0) {
                boolean trailingOnly = segment.indexOf('*') == segment.length() - 1;
                if (!last || !trailingOnly) {
                    throw new InvalidInputException(field, where + ": * stands for a whole segment, or ends the "
                            + "glob after a prefix such as db-*");
                }
                prefix = segment.substring(0, segment.length() - 1);
                requireLiteral(field, where, prefix);
                tail = Tail.PREFIX;
            } else {
                requireLiteral(field, where, segment);
                fixed.add(segment);
            }
        }
        int reach = fixed.size() + (tail == Tail.EXACT ? 0 : 1);
        if (reach > PATH_SEGMENTS || (tail == Tail.EXACT && fixed.size() != PATH_SEGMENTS)) {
            throw new InvalidInputException(field, "this glob matches no secret: a secret path has "
                    + PATH_SEGMENTS + " segments (team/service/environment/name); end a shorter glob with /** to "
                    + "match everything below it");
        }
        return new PathGlob(text, fixed.toArray(new String[0]), tail, prefix);
    }

    private static void requireLiteral(String field, String where, String segment) {
        if (!LITERAL.matcher(segment).matches()) {
            throw new InvalidInputException(field, where + ": 1 to 64 letters, digits, dots, underscores or "
                    + "hyphens, starting with a letter or digit, or a wildcard");
        }
    }

    /** Whether the canonical path, split at {@code /}, matches. */
    public boolean matches(String[] segments) {
        if (tail == Tail.EXACT ? segments.length != fixed.length : segments.length <= fixed.length) {
            return false;
        }
        for (int i = 0; i < fixed.length; i++) {
            String expected = fixed[i];
            if (expected != null && !expected.equals(segments[i])) {
                return false;
            }
        }
        return tail != Tail.PREFIX || segments[fixed.length].startsWith(prefix);
    }

    public boolean matches(String path) {
        return matches(path.split("/", -1));
    }

    @Override
    public String toString() {
        return text;
    }
}
