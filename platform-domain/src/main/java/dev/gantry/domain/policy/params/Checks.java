package dev.gantry.domain.policy.params;

import java.time.Duration;
import java.time.Period;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Invariant checks shared by the parameter records; messages name the parameter so the loader can show them. */
final class Checks {

    private Checks() {
    }

    static int atLeast(int value, int min, String name) {
        if (value < min) {
            throw new IllegalArgumentException(name + ": must be >= " + min + ", was " + value);
        }
        return value;
    }

    static double between(double value, double min, double max, String name) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(name + ": must be between " + Wording.number(min) + " and "
                    + Wording.number(max) + ", was " + Wording.number(value));
        }
        return value;
    }

    static Duration positive(Duration value, String name) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + ": must be positive, was " + value);
        }
        return value;
    }

    static Period positive(Period value, String name) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + ": must be positive, was " + value);
        }
        return value;
    }

    static Optional<Duration> positiveIfPresent(Optional<Duration> value, String name) {
        value.ifPresent(v -> positive(v, name));
        return value;
    }

    static String text(String value, String name) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + ": must not be blank");
        }
        return value.strip();
    }

    static String token(String value, String name) {
        text(value, name);
        if (value.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(name + ": must not contain spaces, was '" + value + "'");
        }
        return value;
    }

    /** An unmodifiable set that iterates in declaration order, so summaries read the same every time. */
    static <E extends Enum<E>> Set<E> enums(Class<E> type, Collection<E> values, String name, boolean required) {
        if (required && values.isEmpty()) {
            throw new IllegalArgumentException(name + ": must list at least one value");
        }
        EnumSet<E> set = EnumSet.noneOf(type);
        set.addAll(values);
        return Collections.unmodifiableSet(set);
    }
}
