package dev.gantry.domain.policy.params;

import dev.gantry.domain.Environment;
import dev.gantry.domain.Role;
import dev.gantry.domain.Severity;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Turns parameter values into the words a person reads in a rule summary ("every 3 months", "48 hours"). */
final class Wording {

    private static final long DAY = 86_400;

    private Wording() {
    }

    static String duration(Duration duration) {
        long seconds = duration.toSeconds();
        // Whole weeks and more read better in days; shorter spans keep the hours people wrote (48 hours, not 2 days).
        if (seconds >= 7 * DAY && seconds % DAY == 0) {
            return count(seconds / DAY, "day");
        }
        List<String> parts = new ArrayList<>();
        if (seconds / 3600 > 0) {
            parts.add(count(seconds / 3600, "hour"));
        }
        if (seconds % 3600 / 60 > 0) {
            parts.add(count(seconds % 3600 / 60, "minute"));
        }
        if (seconds % 60 > 0 || parts.isEmpty()) {
            parts.add(count(seconds % 60, "second"));
        }
        return String.join(" ", parts);
    }

    static String every(Duration duration) {
        if (duration.equals(Duration.ofDays(1))) {
            return "every day";
        }
        if (duration.equals(Duration.ofHours(1))) {
            return "every hour";
        }
        if (duration.equals(Duration.ofMinutes(1))) {
            return "every minute";
        }
        return "every " + duration(duration);
    }

    static String period(Period period) {
        List<String> parts = new ArrayList<>();
        if (period.getYears() != 0) {
            parts.add(count(period.getYears(), "year"));
        }
        if (period.getMonths() != 0) {
            parts.add(count(period.getMonths(), "month"));
        }
        if (period.getDays() != 0 || parts.isEmpty()) {
            parts.add(count(period.getDays(), "day"));
        }
        return String.join(" ", parts);
    }

    static String every(Period period) {
        if (period.equals(Period.ofYears(1))) {
            return "every year";
        }
        if (period.equals(Period.ofMonths(1))) {
            return "every month";
        }
        if (period.equals(Period.ofDays(1))) {
            return "every day";
        }
        return "every " + period(period);
    }

    static String count(long amount, String unit) {
        return amount + " " + (amount == 1 ? unit : unit + "s");
    }

    /** 80.0 reads "80", 72.5 reads "72.5": no trailing zeros, no exponent. */
    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    static String percent(double value) {
        return number(value) + "%";
    }

    static String role(Role role) {
        return words(role.name());
    }

    /** "a release manager", "an engineer". */
    static String aRole(Role role) {
        String words = role(role);
        return ("aeiou".indexOf(words.charAt(0)) >= 0 ? "an " : "a ") + words;
    }

    static String environment(Environment environment) {
        return words(environment.name());
    }

    static String environments(Collection<Environment> environments) {
        return environments.isEmpty() || environments.size() == Environment.values().length
                ? "every environment"
                : list(environments, Wording::environment);
    }

    /** "any deploy", or "deploying to staging or production". */
    static String deploysTo(Collection<Environment> environments) {
        return environments.isEmpty() || environments.size() == Environment.values().length
                ? "any deploy"
                : "deploying to " + alternatives(environments, Wording::environment);
    }

    static String severities(Collection<Severity> severities) {
        return list(severities, Severity::name);
    }

    /** "a", "a and b", "a, b and c". */
    static <T> String list(Collection<T> items, Function<? super T, String> word) {
        return list(items, word, "and");
    }

    /** "a", "a or b", "a, b or c". */
    static <T> String alternatives(Collection<T> items, Function<? super T, String> word) {
        return list(items, word, "or");
    }

    private static <T> String list(Collection<T> items, Function<? super T, String> word, String conjunction) {
        List<String> words = items.stream().map(word).toList();
        if (words.size() <= 1) {
            return String.join("", words);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " " + conjunction + " " + words.getLast();
    }

    static String words(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
