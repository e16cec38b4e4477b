package dev.gantry.ui.recovery;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.vaadin.flow.component.html.Span;
import dev.gantry.domain.InvalidInputException;
import org.jspecify.annotations.Nullable;

/** Sizes, durations and verdicts as people read them, and durations as people type them ("4h", "PT4H"). */
final class RecoveryFormats {

    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|min|h|d)", Pattern.CASE_INSENSITIVE);

    private RecoveryFormats() {
    }

    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, value < 10 ? "%.1f %s" : "%.0f %s", value, units[unit]);
    }

    static String duration(@Nullable Duration duration) {
        if (duration == null) {
            return "—";
        }
        if (duration.toMillis() < 1000) {
            return duration.toMillis() + " ms";
        }
        if (duration.toSeconds() < 120) {
            return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
        }
        if (duration.toMinutes() < 60) {
            return duration.toMinutes() + " min";
        }
        if (duration.toHours() < 48) {
            long minutes = duration.toMinutesPart();
            return duration.toHours() + " h" + (minutes == 0 ? "" : " " + minutes + " min");
        }
        return duration.toDays() + " days";
    }

    /** Accepts ISO-8601 ({@code PT4H}) or a number and unit ({@code 4h}, {@code 30m}, {@code 1d}); blank is null. */
    static @Nullable Duration parseDuration(@Nullable String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        Matcher shorthand = SHORT.matcher(value);
        if (shorthand.matches()) {
            long n = Long.parseLong(shorthand.group(1));
            return switch (shorthand.group(2).toLowerCase(Locale.ROOT)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m", "min" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return Duration.parse(value.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "write a duration such as 4h, 30m, 1d or PT4H");
        }
    }

    /** A coloured word: green when good, amber when it needs attention, red when it failed. */
    static Span pill(String text, Tone tone) {
        Span span = new Span(text);
        span.addClassNames("gantry-pill", switch (tone) {
            case GOOD -> "gantry-ok";
            case WARN -> "gantry-warn";
            case BAD -> "gantry-bad";
            case NEUTRAL -> "gantry-muted";
        });
        return span;
    }

    enum Tone { GOOD, WARN, BAD, NEUTRAL }
}
