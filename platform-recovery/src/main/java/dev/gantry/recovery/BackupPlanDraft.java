package dev.gantry.recovery;

import dev.gantry.domain.InvalidInputException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A backup plan as an administrator writes it.
 *
 * @param name     unique, lower-case words joined by hyphens; archives are named after it
 * @param cron     Spring/Quartz six-field cron ({@code second minute hour day-of-month month day-of-week}), in UTC
 * @param rpo      overrides the policy pack's recovery point objective for this service; null to follow the pack
 * @param rto      overrides the pack's recovery time objective; null to follow the pack
 * @param grace    how late a scheduled backup may succeed before the schedule counts as missed
 */
public record BackupPlanDraft(String serviceId, String serviceName, String name, SourceSpec source, String cron,
        List<LocationSpec> locations, KeepRules keep, @Nullable Duration rpo, @Nullable Duration rto,
        Duration grace) {

    public static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public BackupPlanDraft {
        if (serviceId.isBlank() || serviceId.length() > 100) {
            throw new InvalidInputException("serviceId", "a service id of 1 to 100 characters");
        }
        if (serviceName.isBlank() || serviceName.length() > 200) {
            throw new InvalidInputException("serviceName", "a service name of 1 to 200 characters");
        }
        if (name.length() > 60 || !NAME.matcher(name).matches()) {
            throw new InvalidInputException("name", "lower-case words joined by hyphens, at most 60 characters");
        }
        locations = List.copyOf(locations);
        if (locations.isEmpty() || locations.size() > 10) {
            throw new InvalidInputException("locations", "1 to 10 locations");
        }
        if (locations.stream().distinct().count() != locations.size()) {
            throw new InvalidInputException("locations", "each location once");
        }
        for (Duration objective : new Duration[] {rpo, rto}) {
            if (objective != null && (objective.isNegative() || objective.isZero())) {
                throw new InvalidInputException(objective == rpo ? "rpo" : "rto", "a positive duration");
            }
        }
        if (grace.isNegative()) {
            throw new InvalidInputException("grace", "zero or a positive duration");
        }
    }
}
