package dev.gantry.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

import dev.gantry.recovery.DrillFailed;
import dev.gantry.recovery.RpoBreached;
import dev.gantry.recovery.RtoBreached;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Until the incidents module takes them over, recovery breaches are logged at WARN with structured fields (JSON
 * fields with the {@code json-logs} profile) and the latest are kept in memory for the portal. They arrive
 * through the event publication registry, so a breach published just before a crash is still logged after it.
 * The events carry ids, times and check names only, never data or secret values.
 */
@Component
public class RecoveryBreaches {

    /** One breach as the portal shows it. */
    public record Breach(Instant detectedAt, Kind kind, String serviceId, @Nullable UUID backupPlanId,
                         @Nullable UUID drillPlanId, String summary) {
    }

    public enum Kind { RPO_BREACHED, RTO_BREACHED, DRILL_FAILED }

    static final int KEPT = 50;
    private static final Logger log = LoggerFactory.getLogger(RecoveryBreaches.class);

    private final Deque<Breach> latest = new ArrayDeque<>();
    private final Clock clock;

    RecoveryBreaches(Clock clock) {
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(RpoBreached event) {
        String summary = switch (event.cause()) {
            case MISSED_SCHEDULE -> "no complete backup by " + event.deadline() + "; last good backup "
                    + (event.lastGoodBackupAt() == null ? "never" : event.lastGoodBackupAt().toString());
            case DRILL -> event.lastGoodBackupAt() == null ? "no backup of this plan has passed a drill"
                    : "the newest backup that passed a drill is from " + event.lastGoodBackupAt() + ", older than "
                    + "the RPO of " + event.objective();
        };
        log.atWarn().setMessage("recovery point objective breached for service {}: {}").addArgument(event.serviceId())
                .addArgument(summary)
                .addKeyValue("event", "recovery.rpo-breached").addKeyValue("service", event.serviceId())
                .addKeyValue("backupPlan", event.backupPlanId()).addKeyValue("cause", event.cause())
                .addKeyValue("deadline", event.deadline()).addKeyValue("lastGoodBackupAt", event.lastGoodBackupAt())
                .addKeyValue("objective", event.objective()).log();
        remember(new Breach(event.detectedAt(), Kind.RPO_BREACHED, event.serviceId(), event.backupPlanId(), null,
                summary));
    }

    @ApplicationModuleListener
    void on(RtoBreached event) {
        String summary = "the drill restored and validated in " + human(event.achieved()) + ", the RTO is "
                + human(event.objective());
        log.atWarn().setMessage("recovery time objective breached for service {}: {}").addArgument(event.serviceId())
                .addArgument(summary)
                .addKeyValue("event", "recovery.rto-breached").addKeyValue("service", event.serviceId())
                .addKeyValue("drill", event.drillId()).addKeyValue("drillPlan", event.drillPlanId())
                .addKeyValue("achieved", event.achieved()).addKeyValue("objective", event.objective()).log();
        remember(new Breach(clock.instant(), Kind.RTO_BREACHED, event.serviceId(), event.backupPlanId(),
                event.drillPlanId(), summary));
    }

    @ApplicationModuleListener
    void on(DrillFailed event) {
        String summary = event.verdict() + ": " + event.firstFailedCheck();
        log.atWarn().setMessage("restore drill failed for service {}: {}").addArgument(event.serviceId())
                .addArgument(summary)
                .addKeyValue("event", "recovery.drill-failed").addKeyValue("service", event.serviceId())
                .addKeyValue("drill", event.drillId()).addKeyValue("drillPlan", event.drillPlanId())
                .addKeyValue("verdict", event.verdict()).log();
        remember(new Breach(clock.instant(), Kind.DRILL_FAILED, event.serviceId(), event.backupPlanId(),
                event.drillPlanId(), summary));
    }

    /** Newest first; those this node saw since it started. */
    public synchronized List<Breach> latest(int limit) {
        return latest.stream().limit(Math.max(0, limit)).toList();
    }

    private synchronized void remember(Breach breach) {
        latest.addFirst(breach);
        while (latest.size() > KEPT) {
            latest.removeLast();
        }
    }

    static String human(Duration duration) {
        if (duration.toSeconds() < 120) {
            return duration.toMillis() < 10_000 ? duration.toMillis() + " ms" : duration.toSeconds() + " s";
        }
        if (duration.toMinutes() < 120) {
            return duration.toMinutes() + " min";
        }
        return duration.toHours() + " h";
    }
}
