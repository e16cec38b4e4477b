package dev.gantry.secrets;

import dev.gantry.domain.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * How long a credential may serve before it is rotated: an ISO-8601 period ({@code P30D}, {@code P3M}) or, for
 * intervals under a day, a duration ({@code PT12H}). Calendar periods are added in UTC.
 */
public record RotationInterval(String text) {

    public static final Duration MINIMUM = Duration.ofHours(1);

    public RotationInterval {
        text = text.strip().toUpperCase(java.util.Locale.ROOT);
        Instant reference = Instant.parse("2026-01-01T00:00:00Z");
        Instant after;
        try {
            after = add(text, reference);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new InvalidInputException("interval",
                    "an ISO-8601 period such as P30D or P3M, or a duration such as PT12H");
        }
        if (Duration.between(reference, after).compareTo(MINIMUM) < 0) {
            throw new InvalidInputException("interval", "at least " + MINIMUM);
        }
    }

    public static RotationInterval of(Period period) {
        return new RotationInterval(period.toString());
    }

    public static RotationInterval of(Duration duration) {
        return new RotationInterval(duration.toString());
    }

    /** When a credential that started serving at {@code start} is due. */
    public Instant after(Instant start) {
        return add(text, start);
    }

    private static Instant add(String text, Instant start) {
        if (text.contains("T")) {
            return start.plus(Duration.parse(text));
        }
        return start.atZone(ZoneOffset.UTC).plus(Period.parse(text)).toInstant();
    }

    @Override
    public String toString() {
        return text;
    }
}
