package dev.gantry.scheduling;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;

import dev.gantry.config.SystemAuthority;
import dev.gantry.domain.InvalidInputException;
import dev.gantry.domain.Role;
import dev.gantry.recovery.BackupPlan;
import dev.gantry.recovery.BackupPlans;
import dev.gantry.recovery.DrillPlan;
import dev.gantry.recovery.DrillPlans;
import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps one Quartz trigger per enabled backup plan and per enabled drill plan, on the plan's cron in UTC, in the
 * database job store (so with several nodes each firing runs on one of them). Each plan has a job of its own,
 * named by the plan's id, so {@code @DisallowConcurrentExecution} keeps a plan from running twice at once while
 * different plans run side by side. Called after every save and once at start-up.
 */
@Component
public class RecoverySchedules {

    public static final String BACKUP_GROUP = "recovery-backup";
    public static final String DRILL_GROUP = "recovery-drill";
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");
    private static final Logger log = LoggerFactory.getLogger(RecoverySchedules.class);

    private final Scheduler scheduler;
    private final BackupPlans backupPlans;
    private final DrillPlans drillPlans;

    RecoverySchedules(Scheduler scheduler, BackupPlans backupPlans, DrillPlans drillPlans) {
        this.scheduler = scheduler;
        this.backupPlans = backupPlans;
        this.drillPlans = drillPlans;
    }

    /**
     * Refuses, before a plan is saved, a cron that Quartz would not accept or would read differently from the
     * recovery module (which reads Spring's syntax): Quartz needs {@code ?} in the day-of-month or day-of-week
     * field, and the two number the days of the week differently, so days must be named.
     */
    public static void requireSchedulable(String cron) {
        String[] fields = cron.strip().split("\\s+");
        if (fields.length != 6) {
            throw new InvalidInputException("cron", "six fields: second minute hour day-of-month month day-of-week, "
                    + "e.g. 0 0 2 * * ? (every day at 02:00 UTC)");
        }
        if (!fields[3].equals("?") && !fields[5].equals("?")) {
            throw new InvalidInputException("cron", "write ? in day-of-month or day-of-week, e.g. 0 0 2 * * ? "
                    + "or 0 0 3 ? * SUN");
        }
        if (fields[5].chars().anyMatch(Character::isDigit) && !fields[5].matches("[A-Za-z]{3}#[1-5]")) {
            throw new InvalidInputException("cron", "name the days of the week (MON, TUE, ... SUN) rather than "
                    + "numbering them: schedulers number them differently");
        }
        if (!CronExpression.isValidExpression(cron.strip().toUpperCase(Locale.ROOT))) {
            throw new InvalidInputException("cron", "not a valid schedule; e.g. 0 0 2 * * ? (every day at 02:00 UTC)");
        }
    }

    public void sync(BackupPlan plan) {
        apply(BACKUP_GROUP, plan.id(), plan.enabled() ? plan.draft().cron() : null, BackupPlanJob.class,
                "Back up " + plan.draft().serviceName() + " (" + plan.draft().name() + ")");
    }

    public void sync(DrillPlan plan) {
        apply(DRILL_GROUP, plan.id(), plan.enabled() ? plan.draft().cron() : null, DrillPlanJob.class,
                "Restore drill " + plan.draft().name());
    }

    /** Brings the triggers in line with every stored plan, removing those of plans that are gone. */
    @EventListener(ApplicationReadyEvent.class)
    public void reconcile() {
        SystemAuthority.runAs("recovery-schedule", List.of(Role.VIEWER), () -> {
            Set<UUID> backups = new HashSet<>();
            for (BackupPlan plan : backupPlans.list()) {
                backups.add(plan.id());
                syncOrLog(() -> sync(plan));
            }
            Set<UUID> drills = new HashSet<>();
            for (DrillPlan plan : drillPlans.list()) {
                drills.add(plan.id());
                syncOrLog(() -> sync(plan));
            }
            removeOthers(BACKUP_GROUP, backups);
            removeOthers(DRILL_GROUP, drills);
        });
    }

    /** One plan that cannot be scheduled must not keep Gantry from starting or the others from running. */
    private static void syncOrLog(Runnable sync) {
        try {
            sync.run();
        } catch (RuntimeException e) {
            log.error("A recovery plan is not scheduled: {}", e.getMessage());
        }
    }

    /** The plan's trigger as stored, if it has one (for the portal and tests). */
    public java.util.Optional<CronTrigger> trigger(String group, UUID planId) {
        try {
            return java.util.Optional.ofNullable((CronTrigger) scheduler.getTrigger(TriggerKey.triggerKey(
                    planId.toString(), group)));
        } catch (SchedulerException e) {
            throw new IllegalStateException("the scheduler cannot be read: " + e.getMessage(), e);
        }
    }

    private void apply(String group, UUID planId, String cron, Class<? extends Job> job, String description) {
        JobKey jobKey = JobKey.jobKey(planId.toString(), group);
        TriggerKey triggerKey = TriggerKey.triggerKey(planId.toString(), group);
        try {
            if (cron == null) {
                if (scheduler.checkExists(jobKey)) {
                    scheduler.deleteJob(jobKey);
                    log.info("Unscheduled {} {}", group, planId);
                }
                return;
            }
            String quartzCron = cron.strip().toUpperCase(Locale.ROOT);
            Trigger existing = scheduler.getTrigger(triggerKey);
            if (existing instanceof CronTrigger current && current.getCronExpression().equals(quartzCron)
                    && UTC.hasSameRules(current.getTimeZone())) {
                return;
            }
            JobDetail detail = JobBuilder.newJob(job).withIdentity(jobKey).withDescription(description)
                    .requestRecovery().storeDurably().build();
            Trigger trigger = TriggerBuilder.newTrigger().forJob(jobKey).withIdentity(triggerKey)
                    .withSchedule(CronScheduleBuilder.cronSchedule(quartzCron).inTimeZone(UTC)
                            .withMisfireHandlingInstructionFireAndProceed())
                    .build();
            // Replacing job and trigger together keeps two nodes reconciling at once from colliding.
            scheduler.scheduleJob(detail, Set.of(trigger), true);
            log.info("Scheduled {} {} at '{}' UTC", group, planId, quartzCron);
        } catch (SchedulerException | RuntimeException e) {
            throw new IllegalStateException("could not schedule " + group + " " + planId + " at '" + cron + "': "
                    + e.getMessage(), e);
        }
    }

    private void removeOthers(String group, Set<UUID> keep) {
        try {
            for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(group))) {
                if (!keep.contains(UUID.fromString(key.getName()))) {
                    scheduler.deleteJob(key);
                }
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("the scheduler cannot be read: " + e.getMessage(), e);
        }
    }
}
