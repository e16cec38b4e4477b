package dev.gantry.recovery.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.domain.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

class RetentionTests {

    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final Instant T0 = Instant.parse("2026-05-01T02:00:00Z");

    @Test
    void aRunningPointIsNeitherForgottenNorCountedByAnyRule() {
        var running = point("running", T0.plus(Duration.ofHours(30)), PointState.RUNNING);
        var yesterday = point("yesterday", T0, PointState.SUCCEEDED);
        var before = point("before", T0.minus(Duration.ofDays(1)), PointState.SUCCEEDED);

        RetentionPlan plan = Retention.apply(List.of(running, yesterday, before), KeepRules.NONE.withLast(1), UTC);

        assertThat(plan.notConsidered()).containsExactly(running);
        assertThat(plan.toKeep()).containsExactly(yesterday);
        assertThat(plan.toForget()).containsExactly(before);
    }

    @Test
    void aFailedPointIsLeftToItsRunAndNeverForgottenHere() {
        var failed = point("failed", T0.minus(Duration.ofDays(40)), PointState.FAILED);
        var good = point("good", T0, PointState.SUCCEEDED);

        RetentionPlan plan = Retention.apply(List.of(failed, good), KeepRules.NONE.withLast(1), UTC);

        assertThat(plan.notConsidered()).containsExactly(failed);
        assertThat(plan.toForget()).isEmpty();
    }

    @Test
    void theNewestVerifiedPointIsKeptWhenNoRuleWouldKeepIt() {
        var verified = point("verified", T0.minus(Duration.ofDays(90)), PointState.VERIFIED);
        var olderVerified = point("older-verified", T0.minus(Duration.ofDays(120)), PointState.VERIFIED);
        var recent = point("recent", T0, PointState.SUCCEEDED);

        RetentionPlan plan = Retention.apply(List.of(olderVerified, verified, recent), KeepRules.NONE.withLast(1), UTC);

        assertThat(plan.decisionFor("verified")).get().extracting(Decision::reasons)
                .isEqualTo(List.of(Retention.NEWEST_VERIFIED));
        assertThat(plan.toForget()).containsExactly(olderVerified);
    }

    @Test
    void aPointKeptBySeveralRulesListsEveryReasonInResticsOrderThenGantrys() {
        var only = point("only", T0, PointState.VERIFIED);

        RetentionPlan plan = Retention.apply(List.of(only), KeepRules.NONE.withWithin(CalendarSpan.parse("1d", "within"))
                .withLast(1).withDaily(1).withYearly(KeepRules.UNLIMITED)
                .withWithinWeekly(CalendarSpan.parse("1m", "withinWeekly")), UTC);

        assertThat(plan.decisions()).singleElement().extracting(Decision::reasons).isEqualTo(List.of("within 1d",
                "last snapshot", "daily snapshot", "yearly snapshot", "weekly within 1m", Retention.NEWEST_VERIFIED));
    }

    @Test
    void emptyRulesForgetNothing() {
        var points = List.of(point("a", T0, PointState.SUCCEEDED), point("b", T0.minus(Duration.ofDays(800)),
                PointState.SUCCEEDED));

        RetentionPlan plan = Retention.apply(points, KeepRules.NONE, UTC);

        assertThat(KeepRules.NONE.isEmpty()).isTrue();
        assertThat(plan.toForget()).isEmpty();
        assertThat(plan.decisions()).allSatisfy(d -> assertThat(d.reasons()).containsExactly(Retention.POLICY_IS_EMPTY));
    }

    @Test
    void rulesThatKeepAnythingAlwaysKeepTheNewestPointSoRetentionNeverForgetsEverything() {
        var random = new Random(20261122);
        IntFunction<Integer> count = bound -> random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(bound);
        for (int round = 0; round < 500; round++) {
            var points = new ArrayList<Point>();
            for (int i = 0; i < 1 + random.nextInt(40); i++) {
                points.add(point("p" + i, T0.minus(Duration.ofMinutes(random.nextInt(2_000_000))), PointState.SUCCEEDED));
            }
            var rules = KeepRules.NONE.withLast(count.apply(3)).withHourly(count.apply(5)).withDaily(count.apply(5))
                    .withWeekly(count.apply(5)).withMonthly(count.apply(5)).withYearly(count.apply(3))
                    .withWithin(random.nextBoolean() ? CalendarSpan.ZERO : new CalendarSpan(0, 0, random.nextInt(9), 0));
            if (rules.isEmpty()) {
                continue;
            }
            ZoneId zone = random.nextBoolean() ? UTC : ZoneId.of("America/St_Johns");

            RetentionPlan plan = Retention.apply(points, rules, zone);

            Instant newest = points.stream().map(Point::takenAt).max(Instant::compareTo).orElseThrow();
            assertThat(plan.decisions().getFirst().kept()).as("round %d, %s", round, rules).isTrue();
            assertThat(plan.decisions().getFirst().point().takenAt()).isEqualTo(newest);
            assertThat(plan.toKeep().size() + plan.toForget().size()).isEqualTo(points.size());
        }
    }

    @Test
    void aMonthBackFromTheThirtyFirstOverflowsIntoTheNextMonthAsResticComputesIt() {
        // 2016-03-31 minus one month is "2016-02-31", which restic (Go's AddDate) carries over to 2016-03-02.
        var latest = point("latest", Instant.parse("2016-03-31T12:00:00Z"), PointState.SUCCEEDED);
        var insideSpan = point("second-of-march", Instant.parse("2016-03-02T12:00:01Z"), PointState.SUCCEEDED);
        var outsideSpan = point("first-of-march", Instant.parse("2016-03-01T12:00:00Z"), PointState.SUCCEEDED);

        RetentionPlan plan = Retention.apply(List.of(latest, insideSpan, outsideSpan),
                KeepRules.NONE.withWithin(CalendarSpan.parse("1m", "within")), UTC);

        assertThat(plan.toKeep()).containsExactly(latest, insideSpan);
        assertThat(plan.toForget()).containsExactly(outsideSpan);
    }

    @Test
    void whenEveryPointLiesInTheFutureASpanKeepsThemAll() {
        var points = List.of(point("a", T0, PointState.SUCCEEDED), point("b", T0.minus(Duration.ofDays(400)),
                PointState.SUCCEEDED));

        RetentionPlan plan = Retention.apply(points, KeepRules.NONE.withWithin(CalendarSpan.parse("1d", "within")), UTC,
                T0.minus(Duration.ofDays(500)));

        assertThat(plan.toForget()).isEmpty();
    }

    @Test
    void aNegativeCountIsRefusedNamingItsField() {
        assertThatThrownBy(() -> KeepRules.NONE.withDaily(-1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("got -1").extracting(e -> ((InvalidInputException) e).field()).isEqualTo("daily");
        Map<String, IntFunction<KeepRules>> setters = Map.of("last", KeepRules.NONE::withLast,
                "hourly", KeepRules.NONE::withHourly, "weekly", KeepRules.NONE::withWeekly,
                "monthly", KeepRules.NONE::withMonthly, "yearly", KeepRules.NONE::withYearly);
        setters.forEach((field, setter) -> assertThatThrownBy(() -> setter.apply(-2))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo(field));
    }

    @Test
    void aSpanWithANegativePartIsRefusedNamingItsField() {
        assertThatThrownBy(() -> KeepRules.NONE.withWithinMonthly(new CalendarSpan(1, -2, 0, 0)))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("withinMonthly");
    }

    @Test
    void spanTextIsReadInResticsNotationAndWrittenBackInItsOrder() {
        assertThat(CalendarSpan.parse("1y1d1m", "within")).isEqualTo(new CalendarSpan(1, 1, 1, 0));
        assertThat(CalendarSpan.parse("1y1d1m", "within")).hasToString("1y1m1d");
        assertThat(CalendarSpan.parse(" 13d23h ", "within")).isEqualTo(new CalendarSpan(0, 0, 13, 23));
    }

    @Test
    void badSpanTextSaysWhatIsWrongWhereAndInWhichField() {
        assertThatThrownBy(() -> CalendarSpan.parse("3w", "withinWeekly")).isInstanceOf(InvalidInputException.class)
                .hasMessage("unknown unit 'w' at position 2 of '3w'; units are y, m (months), d, h")
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("withinWeekly");
        assertThatThrownBy(() -> CalendarSpan.parse("-1d", "within")).hasMessageContaining("negative spans are not allowed");
        assertThatThrownBy(() -> CalendarSpan.parse("12", "within")).hasMessageContaining("no unit after 12");
        assertThatThrownBy(() -> CalendarSpan.parse("1d2d", "within")).hasMessageContaining("appears twice");
        assertThatThrownBy(() -> CalendarSpan.parse("", "within")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> CalendarSpan.parse("99999999y", "within")).hasMessageContaining("too large");
    }

    @Test
    void twoPointsWithTheSameIdAreRefused() {
        var points = List.of(point("x", T0, PointState.SUCCEEDED), point("x", T0.minusSeconds(60), PointState.SUCCEEDED));

        assertThatThrownBy(() -> Retention.apply(points, KeepRules.NONE.withLast(1), UTC))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'x'")
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("points");
    }

    @Test
    void rulesDescribeThemselvesInResticsWords() {
        assertThat(KeepRules.NONE.withDaily(7).withMonthly(KeepRules.UNLIMITED)
                .withWithinWeekly(CalendarSpan.parse("3m", "withinWeekly")).withWithin(CalendarSpan.parse("2d", "within")))
                .hasToString("keep 7 daily, all monthly snapshots, weekly snapshots within 3m, "
                        + "all snapshots within 2d of the newest");
    }

    private static Point point(String id, Instant takenAt, PointState state) {
        return new Point(id, takenAt, state);
    }
}
