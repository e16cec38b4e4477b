package dev.gantry.recovery.internal;

import dev.gantry.recovery.BackupRetention;
import dev.gantry.recovery.KeepRules;
import dev.gantry.recovery.retention.CalendarSpan;
import dev.gantry.recovery.retention.Decision;
import dev.gantry.recovery.retention.Point;
import dev.gantry.recovery.retention.PointState;
import dev.gantry.recovery.retention.Retention;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A plan's keep rules applied with restic's {@code forget} semantics ({@link Retention}). Buckets (hour, day, ISO
 * week, month, year) are counted on the wall clock of one zone, UTC unless {@code gantry.recovery.retention.zone}
 * says otherwise, so "one a day" means the day the operators live in.
 */
@Component
public class ResticRetention implements BackupRetention {

    private final ZoneId zone;

    public ResticRetention(@Value("${gantry.recovery.retention.zone:UTC}") ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public Map<UUID, String> keep(KeepRules rules, List<Candidate> points, Instant now) {
        List<Point> candidates = points.stream()
                .map(point -> new Point(point.pointId().toString(), point.createdAt(), PointState.SUCCEEDED))
                .toList();
        Map<UUID, String> kept = new LinkedHashMap<>();
        for (Decision decision : Retention.apply(candidates, translate(rules), zone, now).decisions()) {
            if (!decision.kept()) {
                continue;
            }
            kept.put(UUID.fromString(decision.point().id()), String.join(", ", decision.reasons()));
        }
        return kept;
    }

    static dev.gantry.recovery.retention.KeepRules translate(KeepRules rules) {
        dev.gantry.recovery.retention.KeepRules translated = dev.gantry.recovery.retention.KeepRules.NONE
                .withLast(rules.last()).withHourly(rules.hourly()).withDaily(rules.daily())
                .withWeekly(rules.weekly()).withMonthly(rules.monthly()).withYearly(rules.yearly());
        Duration within = rules.within();
        if (within != null) {
            // restic's spans are whole hours at the finest; a plan's duration is rounded up so it never keeps less.
            long hours = (within.toMinutes() + 59) / 60;
            translated = translated.withWithin(new CalendarSpan(0, 0, Math.toIntExact(hours / 24),
                    Math.toIntExact(hours % 24)));
        }
        return translated;
    }
}
