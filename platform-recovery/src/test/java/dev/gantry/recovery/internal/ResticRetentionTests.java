package dev.gantry.recovery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.recovery.BackupRetention.Candidate;
import dev.gantry.recovery.KeepRules;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ResticRetentionTests {

    private static final Instant NOW = Instant.parse("2026-11-22T18:00:00Z");

    /** Two points a day for five days, newest first, as the backup service hands them over. */
    private static List<Candidate> twiceADay() {
        List<Candidate> points = new ArrayList<>();
        for (int day = 0; day < 5; day++) {
            for (int hour : new int[] {17, 5}) {
                points.add(new Candidate(UUID.randomUUID(), NOW.minus(Duration.ofDays(day)).minus(Duration.ofHours(18 - hour))));
            }
        }
        return points;
    }

    @Test
    void aPlansKeepRulesKeepTheNewestPointOfEachDayWithResticsReasons() {
        List<Candidate> points = twiceADay();

        Map<UUID, String> kept = new ResticRetention(ZoneId.of("UTC"))
                .keep(new KeepRules(1, 0, 3, 0, 0, 0, null), points, NOW);

        assertThat(kept).containsOnlyKeys(points.get(0).pointId(), points.get(2).pointId(), points.get(4).pointId());
        assertThat(kept.get(points.get(0).pointId())).isEqualTo("last snapshot, daily snapshot");
        assertThat(kept.get(points.get(2).pointId())).isEqualTo("daily snapshot");
    }

    @Test
    void theDaysOfTheConfiguredZoneDecideWhichPointsShareADay() {
        List<Candidate> points = twiceADay();

        // In Auckland (UTC+13 in November) 17:00 UTC is 06:00 of the next day: today's 05:00 UTC point and
        // yesterday's 17:00 UTC point share one Auckland day, so the third day kept reaches back further than in UTC.
        Map<UUID, String> kept = new ResticRetention(ZoneId.of("Pacific/Auckland"))
                .keep(new KeepRules(0, 0, 3, 0, 0, 0, null), points, NOW);

        assertThat(kept).containsOnlyKeys(points.get(0).pointId(), points.get(1).pointId(), points.get(3).pointId());
    }

    @Test
    void keepWithinRoundsUpToWholeHoursSoItNeverKeepsLess() {
        List<Candidate> points = twiceADay();

        Map<UUID, String> kept = new ResticRetention(ZoneId.of("UTC"))
                .keep(new KeepRules(0, 0, 0, 0, 0, 0, Duration.ofHours(12).plusMinutes(30)), points, NOW);

        // 12 h 30 min becomes 13 h: newer than 04:00 keeps today's 05:00 point, which 12 h (after 05:00) would drop.
        assertThat(kept).containsOnlyKeys(points.get(0).pointId(), points.get(1).pointId());
        assertThat(kept.values()).allSatisfy(reason -> assertThat(reason).startsWith("within"));
    }
}
