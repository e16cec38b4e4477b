package dev.gantry.recovery.retention;

import dev.gantry.domain.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A span of calendar years, months, days and hours, as restic's {@code --keep-within} takes it ({@code 1y2m3d4h}).
 * Subtracted from an instant the way restic does it (Go's {@code AddDate} then {@code Add}): years, months and days
 * on the wall clock of the zone with overflowing days carried over (31 October minus one month is 1 October, not
 * 30 September), then hours as elapsed time.
 */
public record CalendarSpan(int years, int months, int days, int hours) {

    /** Large enough for any retention anyone means, small enough that no date arithmetic overflows. */
    static final int MAX_COMPONENT = 1_000_000;

    public static final CalendarSpan ZERO = new CalendarSpan(0, 0, 0, 0);

    public boolean isZero() {
        return years == 0 && months == 0 && days == 0 && hours == 0;
    }

    /**
     * Parses restic's notation: numbers each followed by a unit {@code y}, {@code m} (months), {@code d} or {@code h},
     * in any order, each unit at most once ({@code 1y1d1m} is one year, one month and one day).
     *
     * @param field names the input in the error, e.g. {@code keepWithin}
     */
    public static CalendarSpan parse(String text, String field) {
        String s = text.strip();
        if (s.isEmpty()) {
            throw new InvalidInputException(field, "a span needs at least one of <n>y <n>m <n>d <n>h, e.g. 1y6m or 14d");
        }
        int[] values = new int[4];
        boolean[] seen = new boolean[4];
        int i = 0;
        while (i < s.length()) {
            int start = i;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            if (i == start) {
                throw new InvalidInputException(field, "expected a number at position " + (start + 1) + " of '" + s
                        + "' (negative spans are not allowed); use e.g. 1y6m or 14d");
            }
            if (i == s.length()) {
                throw new InvalidInputException(field, "no unit after " + s.substring(start) + " in '" + s
                        + "'; units are y, m (months), d, h");
            }
            int unit = "ymdh".indexOf(s.charAt(i));
            if (unit < 0) {
                throw new InvalidInputException(field, "unknown unit '" + s.charAt(i) + "' at position " + (i + 1)
                        + " of '" + s + "'; units are y, m (months), d, h");
            }
            if (seen[unit]) {
                throw new InvalidInputException(field, "unit '" + s.charAt(i) + "' appears twice in '" + s + "'");
            }
            String digits = s.substring(start, i);
            if (digits.length() > 7 || Integer.parseInt(digits) > MAX_COMPONENT) {
                throw new InvalidInputException(field, digits + s.charAt(i) + " is too large (at most "
                        + MAX_COMPONENT + " per unit)");
            }
            seen[unit] = true;
            values[unit] = Integer.parseInt(digits);
            i++;
        }
        return new CalendarSpan(values[0], values[1], values[2], values[3]);
    }

    /**
     * The instant this span before {@code latest}, counted on the wall clock of {@code zone}. A local time that
     * does not exist (a daylight-saving gap) moves forward by the gap; an ambiguous one keeps {@code latest}'s offset.
     */
    Instant before(Instant latest, ZoneId zone) {
        ZonedDateTime at = latest.atZone(zone);
        long monthIndex = (long) at.getMonthValue() - 1 - months;
        long year = (long) at.getYear() - years + Math.floorDiv(monthIndex, 12);
        int month = (int) Math.floorMod(monthIndex, 12) + 1;
        LocalDate date = LocalDate.of(Math.toIntExact(year), month, 1).plusDays((long) at.getDayOfMonth() - 1 - days);
        ZonedDateTime shifted = ZonedDateTime.ofLocal(LocalDateTime.of(date, at.toLocalTime()), zone, at.getOffset());
        return shifted.toInstant().minus(Duration.ofHours(hours));
    }

    /** Restic's form: {@code 1y2m3d4h}, units that are zero left out. */
    @Override
    public String toString() {
        var s = new StringBuilder();
        if (years != 0) {
            s.append(years).append('y');
        }
        if (months != 0) {
            s.append(months).append('m');
        }
        if (days != 0) {
            s.append(days).append('d');
        }
        if (hours != 0) {
            s.append(hours).append('h');
        }
        return s.toString();
    }
}
