package dev.gantry.recovery;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where one service stands against its recovery objectives, from its backups and drills: what a person asks
 * before an audit ("when did we last prove we can restore it, and how often must we?").
 *
 * @param lastBackupAt       the newest complete (SUCCEEDED) backup of any of the service's plans
 * @param lastDrillAt        when the newest drill finished, whatever its verdict
 * @param lastDrillVerdict   that drill's verdict name
 * @param lastPassingDrillAt when the newest drill that proved a backup restorable finished
 * @param nextDrillDueBy     the last passing drill plus the policy's {@code every}; null without either
 * @param rpoAchieved        the RPO the newest drill measured; null when no backup has passed a drill
 * @param rtoAchieved        the RTO the newest passing drill measured
 * @param findings           each way the service falls short, as sentences; empty when compliant
 */
public record ServiceCompliance(String serviceId, String serviceName, List<UUID> backupPlanIds,
        List<UUID> drillPlanIds, Status status, @Nullable Instant lastBackupAt, @Nullable Instant lastDrillAt,
        @Nullable String lastDrillVerdict, @Nullable Instant lastPassingDrillAt, @Nullable Period drillEvery,
        @Nullable Instant nextDrillDueBy, @Nullable Duration rpoObjective, @Nullable Duration rpoAchieved,
        @Nullable Duration rtoObjective, @Nullable Duration rtoAchieved, String objectivesSource,
        List<String> findings) {

    public enum Status {
        /** A drill passed within the policy's frequency and the newest measured RTO and RPO are within objective. */
        COMPLIANT,
        /** Backed up and drilled, but a drill is overdue, the last one failed, or an objective was missed. */
        NOT_COMPLIANT,
        /** No drill has ever proved a backup of the service restorable. */
        NEVER_PROVEN
    }

    public ServiceCompliance {
        backupPlanIds = List.copyOf(backupPlanIds);
        drillPlanIds = List.copyOf(drillPlanIds);
        findings = List.copyOf(findings);
    }

    /** E.g. "last passing drill 12 days ago; policy requires every 3 months". */
    public String drillSummary(Instant now) {
        String last = lastPassingDrillAt == null ? "no drill has passed yet"
                : "last passing drill " + ago(lastPassingDrillAt, now);
        return drillEvery == null ? last + "; the policy sets no drill frequency"
                : last + "; policy requires " + every(drillEvery);
    }

    public static String ago(Instant then, Instant now) {
        Duration d = Duration.between(then, now);
        if (d.toDays() >= 2) {
            return d.toDays() + " days ago";
        }
        return d.toHours() >= 2 ? d.toHours() + " hours ago" : d.toMinutes() + " minutes ago";
    }

    /** "every 90 days" for P90D, "every 3 months" for P3M. */
    public static String every(@Nullable Period period) {
        if (period == null) {
            return "no frequency";
        }
        if (period.getYears() == 0 && period.getMonths() == 0) {
            return "every " + period.getDays() + (period.getDays() == 1 ? " day" : " days");
        }
        if (period.getYears() == 0 && period.getDays() == 0) {
            return "every " + period.getMonths() + (period.getMonths() == 1 ? " month" : " months");
        }
        return "every " + period;
    }

    public static String human(Duration duration) {
        if (duration.toMinutes() < 2) {
            return duration.toSeconds() + " s";
        }
        if (duration.toHours() < 2) {
            return duration.toMinutes() + " min";
        }
        if (duration.toDays() < 2) {
            return duration.toHours() + " h";
        }
        return duration.toDays() + " days";
    }
}
