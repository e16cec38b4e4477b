package dev.gantry.ui.components;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;

/** Times as people read them: "3 min ago", and an exact UTC time where precision matters. */
public final class Formats {

    private static final DateTimeFormatter EXACT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneId.of("UTC"));

    private Formats() {
    }

    public static String exact(@Nullable Instant instant) {
        return instant == null ? "" : EXACT.format(instant);
    }

    public static String ago(@Nullable Instant instant) {
        if (instant == null) {
            return "never";
        }
        Duration d = Duration.between(instant, Instant.now());
        if (d.isNegative()) {
            return "in " + human(d.negated());
        }
        return human(d) + " ago";
    }

    private static String human(Duration d) {
        if (d.toMinutes() < 1) {
            return d.toSeconds() + " s";
        }
        if (d.toHours() < 1) {
            return d.toMinutes() + " min";
        }
        if (d.toDays() < 2) {
            return d.toHours() + " h";
        }
        return d.toDays() + " days";
    }
}
