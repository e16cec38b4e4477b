package dev.gantry.secrets;

import dev.gantry.domain.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When scheduled rotations may start: every day from {@code start} for {@code length}, in {@code zone}; a window
 * may run past midnight. Rotations started by hand ignore it.
 */
public record RotationWindow(LocalTime start, Duration length, ZoneId zone) {

    public RotationWindow {
        if (length.compareTo(Duration.ofMinutes(5)) < 0 || length.compareTo(Duration.ofDays(1)) > 0) {
            throw new InvalidInputException("window", "a window lasts from 5 minutes to a day");
        }
        start = start.withSecond(0).withNano(0);
    }

    public boolean contains(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        for (int daysBack = 0; daysBack <= 1; daysBack++) {
            ZonedDateTime opens = local.toLocalDate().minusDays(daysBack).atTime(start).atZone(zone);
            if (!instant.isBefore(opens.toInstant()) && instant.isBefore(opens.toInstant().plus(length))) {
                return true;
            }
        }
        return false;
    }

    /** The next instant at or after {@code instant} inside the window. */
    public Instant nextOpening(Instant instant) {
        if (contains(instant)) {
            return instant;
        }
        ZonedDateTime local = instant.atZone(zone);
        ZonedDateTime today = local.toLocalDate().atTime(start).atZone(zone);
        return (today.toInstant().isAfter(instant) ? today : today.plusDays(1)).toInstant();
    }
}
