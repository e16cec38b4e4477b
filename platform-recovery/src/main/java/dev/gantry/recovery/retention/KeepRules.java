package dev.gantry.recovery.retention;

import dev.gantry.domain.InvalidInputException;
import java.util.ArrayList;
import java.util.Objects;

/**
 * Restic's {@code --keep-*} options. Counts keep the newest point of each of the last <i>n</i> hours, days, ISO weeks,
 * months or years that have a point ({@code last} keeps the <i>n</i> newest points); {@link #UNLIMITED} keeps one per
 * bucket for ever. Spans keep every point ({@code within}) or the newest point of each bucket
 * ({@code withinHourly} ... {@code withinYearly}) taken less than the span before the newest point. Zero or
 * {@link CalendarSpan#ZERO} switches a rule off; a point is kept if any rule keeps it.
 *
 * <p>Refused at construction with the offending field named: negative counts (use {@link #UNLIMITED}, which is
 * restic's {@code unlimited} / {@code -1}), negative or oversized span components. Rules with everything off are
 * valid and {@link #isEmpty() empty}: like {@code restic forget} without a policy, they forget nothing.
 */
public record KeepRules(
        int last, int hourly, int daily, int weekly, int monthly, int yearly,
        CalendarSpan within, CalendarSpan withinHourly, CalendarSpan withinDaily, CalendarSpan withinWeekly,
        CalendarSpan withinMonthly, CalendarSpan withinYearly) {

    /** Keep one point per bucket with no limit on how many buckets. */
    public static final int UNLIMITED = Integer.MAX_VALUE;

    /** No rule switched on; add rules with the {@code with...} methods. */
    public static final KeepRules NONE = new KeepRules(0, 0, 0, 0, 0, 0, CalendarSpan.ZERO, CalendarSpan.ZERO,
            CalendarSpan.ZERO, CalendarSpan.ZERO, CalendarSpan.ZERO, CalendarSpan.ZERO);

    public KeepRules {
        count("last", last);
        count("hourly", hourly);
        count("daily", daily);
        count("weekly", weekly);
        count("monthly", monthly);
        count("yearly", yearly);
        span("within", within);
        span("withinHourly", withinHourly);
        span("withinDaily", withinDaily);
        span("withinWeekly", withinWeekly);
        span("withinMonthly", withinMonthly);
        span("withinYearly", withinYearly);
    }

    private static void count(String field, int value) {
        if (value < 0) {
            throw new InvalidInputException(field, "keep " + field + " must be 0 (off), a positive count, or unlimited; got "
                    + value);
        }
    }

    private static void span(String field, CalendarSpan value) {
        Objects.requireNonNull(value, field);
        int[] parts = {value.years(), value.months(), value.days(), value.hours()};
        for (int part : parts) {
            if (part < 0) {
                throw new InvalidInputException(field, "keep " + field + " must not have negative parts; got " + value
                        + " (" + value.years() + "y " + value.months() + "m " + value.days() + "d " + value.hours() + "h)");
            }
            if (part > CalendarSpan.MAX_COMPONENT) {
                throw new InvalidInputException(field, "keep " + field + " has a part above " + CalendarSpan.MAX_COMPONENT
                        + ": " + value);
            }
        }
    }

    /** True when no rule is switched on; {@link Retention} then keeps every point. */
    public boolean isEmpty() {
        return last == 0 && hourly == 0 && daily == 0 && weekly == 0 && monthly == 0 && yearly == 0
                && within.isZero() && withinHourly.isZero() && withinDaily.isZero() && withinWeekly.isZero()
                && withinMonthly.isZero() && withinYearly.isZero();
    }

    public KeepRules withLast(int n) {
        return new KeepRules(n, hourly, daily, weekly, monthly, yearly, within, withinHourly, withinDaily,
                withinWeekly, withinMonthly, withinYearly);
    }

    public KeepRules withHourly(int n) {
        return new KeepRules(last, n, daily, weekly, monthly, yearly, within, withinHourly, withinDaily,
                withinWeekly, withinMonthly, withinYearly);
    }

    public KeepRules withDaily(int n) {
        return new KeepRules(last, hourly, n, weekly, monthly, yearly, within, withinHourly, withinDaily,
                withinWeekly, withinMonthly, withinYearly);
    }

    public KeepRules withWeekly(int n) {
        return new KeepRules(last, hourly, daily, n, monthly, yearly, within, withinHourly, withinDaily,
                withinWeekly, withinMonthly, withinYearly);
    }

    public KeepRules withMonthly(int n) {
        return new KeepRules(last, hourly, daily, weekly, n, yearly, within, withinHourly, withinDaily,
                withinWeekly, withinMonthly, withinYearly);
    }

    public KeepRules withYearly(int n) {
        return new KeepRules(last, hourly, daily, weekly, monthly, n, within, withinHourly, withinDaily,
                withinWeekly, withinMonthly, withinYearly);
    }

    public KeepRules withWithin(CalendarSpan span) {
        return new KeepRules(last, hourly, daily, weekly, monthly, yearly, span, withinHourly, withinDaily,
                withinWeekly, withinMonthly, withinYearly);
    }

    public KeepRules withWithinHourly(CalendarSpan span) {
        return new KeepRules(last, hourly, daily, weekly, monthly, yearly, within, span, withinDaily,
                withinWeekly, withinMonthly, withinYearly);
    }

    public KeepRules withWithinDaily(CalendarSpan span) {
        return new KeepRules(last, hourly, daily, weekly, monthly, yearly, within, withinHourly, span,
                withinWeekly, withinMonthly, withinYearly);
    }

    public KeepRules withWithinWeekly(CalendarSpan span) {
        return new KeepRules(last, hourly, daily, weekly, monthly, yearly, within, withinHourly, withinDaily,
                span, withinMonthly, withinYearly);
    }

    public KeepRules withWithinMonthly(CalendarSpan span) {
        return new KeepRules(last, hourly, daily, weekly, monthly, yearly, within, withinHourly, withinDaily,
                withinWeekly, span, withinYearly);
    }

    public KeepRules withWithinYearly(CalendarSpan span) {
        return new KeepRules(last, hourly, daily, weekly, monthly, yearly, within, withinHourly, withinDaily,
                withinWeekly, withinMonthly, span);
    }

    /** Restic's words, for logs and the UI: "keep 7 daily, all monthly snapshots, weekly snapshots within 3m". */
    @Override
    public String toString() {
        var counts = new ArrayList<String>();
        String[] names = {"latest", "hourly", "daily", "weekly", "monthly", "yearly"};
        int[] values = {last, hourly, daily, weekly, monthly, yearly};
        for (int i = 0; i < names.length; i++) {
            if (values[i] == UNLIMITED) {
                counts.add("all " + names[i]);
            } else if (values[i] > 0) {
                counts.add(values[i] + " " + names[i]);
            }
        }
        var parts = new ArrayList<String>();
        if (!counts.isEmpty()) {
            parts.add(String.join(", ", counts) + " snapshots");
        }
        String[] withinNames = {"hourly", "daily", "weekly", "monthly", "yearly"};
        CalendarSpan[] spans = {withinHourly, withinDaily, withinWeekly, withinMonthly, withinYearly};
        for (int i = 0; i < spans.length; i++) {
            if (!spans[i].isZero()) {
                parts.add(withinNames[i] + " snapshots within " + spans[i]);
            }
        }
        if (!within.isZero()) {
            parts.add("all snapshots within " + within + " of the newest");
        }
        return parts.isEmpty() ? "keep everything (no rule)" : "keep " + String.join(", ", parts);
    }
}
