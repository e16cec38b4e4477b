package dev.gantry.secrets;

import dev.gantry.domain.InvalidInputException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A rotation policy's settings for its rotator: names and plain text, never a secret value (a rotator that needs
 * one takes the vault path of it). Lookups refuse bad values naming the field {@code parameters.<name>}.
 */
public record RotatorParameters(Map<String, String> values) {

    public static final int MAX_VALUE = 2000;
    private static final Pattern NAME = Pattern.compile("[a-z][a-zA-Z0-9-]{0,59}");

    public RotatorParameters {
        Map<String, String> copy = new TreeMap<>();
        values.forEach((name, value) -> {
            if (!NAME.matcher(name).matches()) {
                throw new InvalidInputException("parameters",
                        "a parameter name is a letter followed by up to 59 letters, digits or hyphens");
            }
            if (value.length() > MAX_VALUE || value.chars().anyMatch(c -> c < 0x20 && c != '\t')) {
                throw new InvalidInputException(field(name), "at most " + MAX_VALUE
                        + " characters on one line");
            }
            copy.put(name, value.strip());
        });
        values = java.util.Collections.unmodifiableMap(copy);
    }

    public static RotatorParameters none() {
        return new RotatorParameters(Map.of());
    }

    public static RotatorParameters of(String... namesAndValues) {
        Map<String, String> map = new TreeMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return new RotatorParameters(map);
    }

    /** Refuses names the rotator does not know, so a typo never silently falls back to a default. */
    public void allowOnly(Set<String> known) {
        for (String name : values.keySet()) {
            if (!known.contains(name)) {
                throw new InvalidInputException(field(name), "unknown parameter; this rotator takes "
                        + String.join(", ", new java.util.TreeSet<>(known)));
            }
        }
    }

    public @Nullable String optional(String name) {
        String value = values.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    public String string(String name, String fallback) {
        String value = optional(name);
        return value == null ? fallback : value;
    }

    public String required(String name) {
        String value = optional(name);
        if (value == null) {
            throw new InvalidInputException(field(name), "required");
        }
        return value;
    }

    public int integer(String name, int fallback, int min, int max) {
        String value = optional(name);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new InvalidInputException(field(name), "a whole number from " + min + " to " + max);
    }

    public boolean flag(String name, boolean fallback) {
        String value = optional(name);
        if (value == null) {
            return fallback;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidInputException(field(name), "true or false");
        };
    }

    public Duration duration(String name, Duration fallback, Duration min, Duration max) {
        String value = optional(name);
        if (value == null) {
            return fallback;
        }
        try {
            Duration parsed = Duration.parse(value);
            if (parsed.compareTo(min) >= 0 && parsed.compareTo(max) <= 0) {
                return parsed;
            }
        } catch (DateTimeParseException notADuration) {
            // reported below
        }
        throw new InvalidInputException(field(name), "an ISO-8601 duration from " + min + " to " + max);
    }

    public <E extends Enum<E>> E choice(String name, Class<E> type, E fallback) {
        String value = optional(name);
        if (value == null) {
            return fallback;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.replace('-', '_'))) {
                return constant;
            }
        }
        throw new InvalidInputException(field(name), "one of " + java.util.Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')).toList());
    }

    public static String field(String name) {
        return "parameters." + name;
    }
}
