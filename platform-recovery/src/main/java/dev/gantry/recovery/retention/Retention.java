package dev.gantry.recovery.retention;

import dev.gantry.domain.InvalidInputException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.ToLongBiFunction;
import org.jspecify.annotations.Nullable;

/**
 * Decides which recovery points to keep, reproducing restic's {@code forget} policy ({@code ApplyPolicy} in restic's
 * {@code internal/data/snapshot_policy.go}) rule for rule, then adding Gantry's own guarantee. Pure: no clock, no
 * I/O, same answer for the same input.
 *
 * <ol>
 * <li>Only {@link PointState#SUCCEEDED} and {@link PointState#VERIFIED} points are candidates; running and failed
 * points go to {@link RetentionPlan#notConsidered()} and are never forgotten here (nor counted by any rule).</li>
 * <li>Candidates are sorted newest first; points taken at the same instant keep their input order.</li>
 * <li>{@code within}: every point taken after (newest minus span) is kept ("within 1y2m").</li>
 * <li>Each count rule walks the points newest first and keeps a point when its bucket (the point itself for
 * {@code last}; else its hour, day, ISO week, month or year in {@code zone}) differs from the bucket of the point
 * it kept last, until its count is used up ("daily snapshot"). If the rule still has count left when it reaches
 * the oldest point, it keeps that one too, even in an already kept bucket ("oldest daily snapshot"), so that the
 * history reaches back as far as the rule allows.</li>
 * <li>Each {@code within<Bucket>} rule does the same, without a count, over the points taken after (newest minus
 * span) ("weekly within 3m", "oldest weekly within 3m").</li>
 * <li>Gantry: the newest {@link PointState#VERIFIED} point is always kept ({@value #NEWEST_VERIFIED}).</li>
 * </ol>
 * A point kept by several rules lists every reason, in the order above. Empty rules keep every point
 * ({@value #POLICY_IS_EMPTY}), as {@code restic forget} without a policy removes nothing; non-empty rules always
 * keep the newest point, so retention never forgets everything.
 *
 * <p>"Newest" for the spans is the newest candidate taken before {@code now}; a point stamped in the future (a
 * clock that was set back) does not stretch the spans, and is itself kept by every span rule. Without
 * {@code now}, no point counts as being in the future.
 */
public final class Retention {

    public static final String NEWEST_VERIFIED = "newest verified point";
    public static final String POLICY_IS_EMPTY = "policy is empty";

    private Retention() {
    }

    /** Applies the rules with no notion of the present: the newest candidate anchors every span. */
    public static RetentionPlan apply(List<Point> points, KeepRules rules, ZoneId zone) {
        return plan(points, rules, zone, null);
    }

    /** Applies the rules as of {@code now}: points after {@code now} never anchor a span (restic's behaviour). */
    public static RetentionPlan apply(List<Point> points, KeepRules rules, ZoneId zone, Instant now) {
        return plan(points, rules, zone, Objects.requireNonNull(now, "now"));
    }

    private static RetentionPlan plan(List<Point> points, KeepRules rules, ZoneId zone, @Nullable Instant now) {
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(zone, "zone");
        var ids = new HashSet<String>();
        var candidates = new ArrayList<Point>();
        var notConsidered = new ArrayList<Point>();
        for (Point point : points) {
            Objects.requireNonNull(point, "points must not contain null");
            if (!ids.add(point.id())) {
                throw new InvalidInputException("points", "two recovery points share the id '" + point.id() + "'");
            }
            (point.state().isCandidate() ? candidates : notConsidered).add(point);
        }
        candidates.sort(Comparator.comparing(Point::takenAt).reversed());
        Point newestVerified = candidates.stream().filter(p -> p.state() == PointState.VERIFIED).findFirst().orElse(null);

        var decisions = new ArrayList<Decision>(candidates.size());
        if (rules.isEmpty()) {
            for (Point point : candidates) {
                var reasons = new ArrayList<String>(List.of(POLICY_IS_EMPTY));
                if (point == newestVerified) {
                    reasons.add(NEWEST_VERIFIED);
                }
                decisions.add(new Decision(point, Verdict.KEEP, reasons));
            }
            return new RetentionPlan(decisions, notConsidered);
        }

        Instant latest = latest(candidates, now);
        var counted = List.of(
                new Counted("last snapshot", rules.last(), (t, nr) -> nr),
                new Counted("hourly snapshot", rules.hourly(), Retention::hour),
                new Counted("daily snapshot", rules.daily(), Retention::day),
                new Counted("weekly snapshot", rules.weekly(), Retention::isoWeek),
                new Counted("monthly snapshot", rules.monthly(), Retention::month),
                new Counted("yearly snapshot", rules.yearly(), Retention::year));
        var spanned = List.of(
                new Spanned("hourly within", rules.withinHourly(), Retention::hour, latest, zone),
                new Spanned("daily within", rules.withinDaily(), Retention::day, latest, zone),
                new Spanned("weekly within", rules.withinWeekly(), Retention::isoWeek, latest, zone),
                new Spanned("monthly within", rules.withinMonthly(), Retention::month, latest, zone),
                new Spanned("yearly within", rules.withinYearly(), Retention::year, latest, zone));
        @Nullable Instant withinCutoff = rules.within().isZero() || latest == null ? null : rules.within().before(latest, zone);

        int oldest = candidates.size() - 1;
        for (int nr = 0; nr < candidates.size(); nr++) {
            Point point = candidates.get(nr);
            ZonedDateTime local = point.takenAt().atZone(zone);
            var reasons = new ArrayList<String>();
            if (!rules.within().isZero() && (withinCutoff == null || point.takenAt().isAfter(withinCutoff))) {
                reasons.add("within " + rules.within());
            }
            for (Counted rule : counted) {
                String reason = rule.offer(local, nr, nr == oldest);
                if (reason != null) {
                    reasons.add(reason);
                }
            }
            for (Spanned rule : spanned) {
                String reason = rule.offer(point.takenAt(), local, nr, nr == oldest);
                if (reason != null) {
                    reasons.add(reason);
                }
            }
            if (point == newestVerified) {
                reasons.add(NEWEST_VERIFIED);
            }
            decisions.add(new Decision(point, reasons.isEmpty() ? Verdict.FORGET : Verdict.KEEP, reasons));
        }
        return new RetentionPlan(decisions, notConsidered);
    }

    /** The newest candidate not after {@code now}; null when every candidate lies in the future (or none exists). */
    private static @Nullable Instant latest(List<Point> newestFirst, @Nullable Instant now) {
        for (Point point : newestFirst) {
            if (now == null || point.takenAt().isBefore(now)) {
                return point.takenAt();
            }
        }
        return null;
    }

    private static long hour(ZonedDateTime t, int nr) {
        return day(t, nr) * 100 + t.getHour();
    }

    private static long day(ZonedDateTime t, int nr) {
        return month(t, nr) * 100 + t.getDayOfMonth();
    }

    private static long isoWeek(ZonedDateTime t, int nr) {
        return (long) t.get(IsoFields.WEEK_BASED_YEAR) * 100 + t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    private static long month(ZonedDateTime t, int nr) {
        return year(t, nr) * 100 + t.getMonthValue();
    }

    private static long year(ZonedDateTime t, int nr) {
        return t.getYear();
    }

    /** A count rule: keeps the first point of each new bucket while count remains. */
    private static final class Counted {
        private final String reason;
        private final ToLongBiFunction<ZonedDateTime, Integer> bucket;
        private int remaining;
        private long lastBucket = Long.MIN_VALUE;

        Counted(String reason, int count, ToLongBiFunction<ZonedDateTime, Integer> bucket) {
            this.reason = reason;
            this.remaining = count;
            this.bucket = bucket;
        }

        @Nullable String offer(ZonedDateTime local, int nr, boolean oldest) {
            if (remaining == 0) {
                return null;
            }
            long value = bucket.applyAsLong(local, nr);
            if (value == lastBucket && !oldest) {
                return null;
            }
            String why = value == lastBucket ? "oldest " + reason : reason;
            lastBucket = value;
            if (remaining != KeepRules.UNLIMITED) {
                remaining--;
            }
            return why;
        }
    }

    /** A within-bucket rule: keeps the first point of each new bucket among points inside the span. */
    private static final class Spanned {
        private final String reason;
        private final CalendarSpan span;
        private final ToLongBiFunction<ZonedDateTime, Integer> bucket;
        private final @Nullable Instant cutoff;
        private long lastBucket = Long.MIN_VALUE;

        Spanned(String reason, CalendarSpan span, ToLongBiFunction<ZonedDateTime, Integer> bucket,
                @Nullable Instant latest, ZoneId zone) {
            this.reason = reason;
            this.span = span;
            this.bucket = bucket;
            this.cutoff = span.isZero() || latest == null ? null : span.before(latest, zone);
        }

        @Nullable String offer(Instant takenAt, ZonedDateTime local, int nr, boolean oldest) {
            if (span.isZero() || (cutoff != null && !takenAt.isAfter(cutoff))) {
                return null;
            }
            long value = bucket.applyAsLong(local, nr);
            if (value == lastBucket && !oldest) {
                return null;
            }
            String why = (value == lastBucket ? "oldest " + reason : reason) + " " + span;
            lastBucket = value;
            return why;
        }
    }
}
