package dev.gantry.domain.policy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Parses single YAML values into typed values. A value that does not parse is reported where it stands and
 * comes back as {@code null}, which the caller turns into a placeholder so reading can go on.
 */
final class Scalars {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("[-+]?[0-9]{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?([0-9]{1,15}(\\.[0-9]{0,15})?|\\.[0-9]{1,15})");

    @FunctionalInterface
    interface Parser<T> {
        @Nullable T parse(ScalarNode node, String field);
    }

    private final Problems problems;

    Scalars(Problems problems) {
        this.problems = problems;
    }

    @Nullable String toText(ScalarNode node, String field, int maxLength) {
        String text = node.getValue().strip();
        if (text.isEmpty()) {
            problems.at(node, field, "must not be blank");
            return null;
        }
        if (text.length() > maxLength) {
            problems.at(node, field, "is longer than " + maxLength + " characters");
            return null;
        }
        return text;
    }

    @Nullable Integer toInteger(ScalarNode node, String field, int min, int max) {
        String text = node.getValue().strip();
        if (!WHOLE_NUMBER.matcher(text).matches()) {
            problems.at(node, field, "must be a whole number, was '" + shorten(text) + "'");
            return null;
        }
        long value = Long.parseLong(text);
        if (value < min) {
            problems.at(node, field, "must be >= " + min + ", was " + value);
            return null;
        }
        if (value > max) {
            problems.at(node, field, "must be <= " + max + ", was " + value);
            return null;
        }
        return (int) value;
    }

    @Nullable Double toNumber(ScalarNode node, String field, double min, double max) {
        String text = node.getValue().strip();
        if (!DECIMAL.matcher(text).matches()) {
            problems.at(node, field, "must be a number such as 80 or 72.5, was '" + shorten(text) + "'");
            return null;
        }
        double value = Double.parseDouble(text);
        if (value < min || value > max) {
            problems.at(node, field, "must be between " + plainNumber(min) + " and " + plainNumber(max)
                    + ", was " + text);
            return null;
        }
        return value;
    }

    @Nullable Boolean toFlag(ScalarNode node, String field) {
        String text = node.getValue().strip();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        problems.at(node, field, "must be true or false, was '" + shorten(text) + "'");
        return null;
    }

    @Nullable Duration toDuration(ScalarNode node, String field, boolean zeroAllowed) {
        String text = node.getValue().strip();
        Duration duration;
        try {
            duration = Duration.parse(text);
        } catch (DateTimeParseException | ArithmeticException notIso) {
            problems.at(node, field, "'" + shorten(text)
                    + "' is not an ISO-8601 duration; write for example PT48H, PT5M or P2D");
            return null;
        }
        if (duration.isNegative() || (duration.isZero() && !zeroAllowed)) {
            problems.at(node, field, "must be " + (zeroAllowed ? "zero or more" : "positive") + ", was " + text);
            return null;
        }
        return duration;
    }

    @Nullable Period toPeriod(ScalarNode node, String field) {
        String text = node.getValue().strip();
        Period period;
        try {
            period = Period.parse(text);
        } catch (DateTimeParseException | ArithmeticException notIso) {
            problems.at(node, field, "'" + shorten(text) + "' is not an ISO-8601 period of days, weeks, months"
                    + " or years; write for example P90D, P2W, P3M or P1Y");
            return null;
        }
        if (period.isNegative() || period.isZero()) {
            problems.at(node, field, "must be positive, was " + text);
            return null;
        }
        return period;
    }

    <E extends Enum<E>> @Nullable E toChoice(ScalarNode node, String field, Class<E> type) {
        String text = node.getValue().strip();
        String constant = text.toUpperCase(Locale.ROOT).replace('-', '_');
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(constant)) {
                return value;
            }
        }
        List<String> allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        problems.at(node, field, "unknown value '" + shorten(text) + "'" + Suggestions.hint(text, allowed)
                + "; allowed values: " + String.join(", ", allowed));
        return null;
    }

    /** Echoes what was written, but never a whole pasted paragraph. */
    private static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    private static String plainNumber(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
