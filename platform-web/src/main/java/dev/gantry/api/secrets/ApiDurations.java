package dev.gantry.api.secrets;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.gantry.domain.InvalidInputException;
import org.jspecify.annotations.Nullable;

/** Durations in request bodies: ISO-8601 ({@code PT1H}, {@code P7D}) or Vault's short form ({@code 90m}, {@code 8h}). */
final class ApiDurations {

    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})([smhd])");

    private ApiDurations() {
    }

    static @Nullable Duration optional(String field, @Nullable String text) {
        return text == null || text.isBlank() ? null : parse(field, text);
    }

    static Duration required(String field, @Nullable String text) {
        Duration parsed = optional(field, text);
        if (parsed == null) {
            throw new InvalidInputException(field, "required, e.g. \"1h\" or \"PT1H\"");
        }
        return parsed;
    }

    static Duration parse(String field, String text) {
        String stripped = text.strip().toLowerCase(Locale.ROOT);
        Matcher shortForm = SHORT.matcher(stripped);
        try {
            if (shortForm.matches()) {
                long amount = Long.parseLong(shortForm.group(1));
                return switch (shortForm.group(2)) {
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                };
            }
            if (stripped.startsWith("p") && stripped.length() <= 40) {
                Duration parsed = Duration.parse(stripped.toUpperCase(Locale.ROOT));
                if (!parsed.isNegative()) {
                    return parsed;
                }
            }
        } catch (DateTimeParseException | ArithmeticException e) {
            // falls through to the one message below
        }
        throw new InvalidInputException(field, "a duration such as \"90m\", \"8h\", \"7d\" or ISO-8601 \"PT8H\"");
    }
}
