package dev.gantry.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import dev.gantry.config.RecoveryBreaches;
import dev.gantry.config.RecoveryDefaults;
import dev.gantry.config.SystemAuthority;
import dev.gantry.domain.ConflictException;
import dev.gantry.domain.Role;
import dev.gantry.recovery.BackupPlan;
import dev.gantry.recovery.BackupPlanDraft;
import dev.gantry.recovery.BackupPlans;
import dev.gantry.recovery.BackupPoint;
import dev.gantry.recovery.BackupService;
import dev.gantry.recovery.DrillPlan;
import dev.gantry.recovery.DrillPlanDraft;
import dev.gantry.recovery.DrillPlans;
import dev.gantry.recovery.DrillReport;
import dev.gantry.recovery.KeepRules;
import dev.gantry.recovery.LocationSpec;
import dev.gantry.recovery.PointState;
import dev.gantry.recovery.RestoreDrills;
import dev.gantry.recovery.ScratchSpec;
import dev.gantry.recovery.SourceSpec;
import dev.gantry.recovery.Validation;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Recovery on the real Quartz job store of the whole application: one trigger per enabled plan on its cron in UTC,
 * kept in step with the plans, jobs that run the plan as a named system actor, the missed-schedule check, and no
 * plan run twice at once. On H2 and, with the {@code postgres} profile, on PostgreSQL with a clustered scheduler.
 */
@SpringBootTest
abstract class RecoveryJobsIntegrationTests {

    @Autowired Scheduler scheduler;
    @Autowired RecoverySchedules schedules;
    @Autowired RecoveryRuns runs;
    @Autowired BackupPlans plans;
    @Autowired BackupService backups;
    @Autowired DrillPlans drillPlans;
    @Autowired RestoreDrills drills;
    @Autowired RecoveryDefaults defaults;
    @Autowired RecoveryBreaches breaches;

    @Test
    void anEnabledPlanHasAJobOfItsOwnOnItsCronInUtcAndDisablingItRemovesIt() throws Exception {
        BackupPlan plan = admin(() -> plans.create(commandPlan("sched-" + suffix(), "0 15 4 * * ?", "echo s")));

        schedules.sync(plan);

        JobDetail job = scheduler.getJobDetail(JobKey.jobKey(plan.id().toString(), RecoverySchedules.BACKUP_GROUP));
        assertThat(job.getJobClass()).isEqualTo(BackupPlanJob.class);
        assertThat(job.requestsRecovery()).isTrue();
        assertThat(job.isConcurrentExecutionDisallowed()).as("a plan never runs twice at once").isTrue();
        CronTrigger trigger = schedules.trigger(RecoverySchedules.BACKUP_GROUP, plan.id()).orElseThrow();
        assertThat(trigger.getCronExpression()).isEqualTo("0 15 4 * * ?");
        assertThat(trigger.getTimeZone().getID()).isEqualTo("UTC");
        assertThat(trigger.getMisfireInstruction()).isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW);

        BackupPlan moved = admin(() -> plans.update(plan.id(), plan.version(), withCron(plan.draft(), "0 45 5 * * ?"),
                true));
        schedules.sync(moved);
        assertThat(schedules.trigger(RecoverySchedules.BACKUP_GROUP, plan.id()).orElseThrow().getCronExpression())
                .isEqualTo("0 45 5 * * ?");

        BackupPlan disabled = admin(() -> plans.update(plan.id(), moved.version(), moved.draft(), false));
        schedules.sync(disabled);
        assertThat(scheduler.checkExists(JobKey.jobKey(plan.id().toString(), RecoverySchedules.BACKUP_GROUP)))
                .isFalse();
    }

    @Test
    void theBackupJobFiredByTheSchedulerBacksThePlanUpAsTheScheduleActor() throws Exception {
        BackupPlan plan = admin(() -> plans.create(commandPlan("fired-" + suffix(), "0 0 3 * * ?", "echo fired")));
        schedules.sync(plan);

        scheduler.triggerJob(JobKey.jobKey(plan.id().toString(), RecoverySchedules.BACKUP_GROUP));

        BackupPoint point = eventually(() -> admin(() -> backups.points(plan.id(), 1)).stream()
                .filter(p -> p.state() != PointState.RUNNING).findFirst().orElse(null));
        assertThat(point.state()).isEqualTo(PointState.SUCCEEDED);
        assertThat(point.startedBy()).isEqualTo("system:backup-schedule");
    }

    @Test
    void theDrillJobFiredByTheSchedulerRunsTheDrillAsTheScheduleActor() throws Exception {
        BackupPlan plan = admin(() -> plans.create(commandPlan("drilled-" + suffix(), "0 0 3 * * ?", "echo d")));
        admin(() -> backups.runPlan(plan.id()));
        DrillPlan drill = admin(() -> drillPlans.create(new DrillPlanDraft(plan.draft().name() + "-drill", plan.id(),
                "0 0 4 1 * ?", DrillPlanDraft.Selection.LATEST, null,
                new ScratchSpec.NewDirectory(defaults.scratchDirectory().toString()),
                List.of(new Validation.MatchesExpectation()), Duration.ofMinutes(5))));
        schedules.sync(drill);
        assertThat(scheduler.getJobDetail(JobKey.jobKey(drill.id().toString(), RecoverySchedules.DRILL_GROUP))
                .isConcurrentExecutionDisallowed()).isTrue();

        scheduler.triggerJob(JobKey.jobKey(drill.id().toString(), RecoverySchedules.DRILL_GROUP));

        DrillReport report = eventually(() -> admin(() -> drills.reports(drill.id(), 1)).stream()
                .filter(r -> r.verdict().restorable()).findFirst().orElse(null));
        assertThat(report.actor()).isEqualTo("system:drill-schedule");
        assertThat(report.rtoAchieved()).isNotNull();
    }

    @Test
    void reconcilingRestoresAMissingTriggerAndRemovesThoseOfPlansThatAreGone() throws Exception {
        BackupPlan plan = admin(() -> plans.create(commandPlan("lost-" + suffix(), "0 0 6 * * ?", "echo l")));
        JobKey stray = JobKey.jobKey(UUID.randomUUID().toString(), RecoverySchedules.BACKUP_GROUP);
        scheduler.addJob(JobBuilder.newJob(BackupPlanJob.class).withIdentity(stray).storeDurably().build(), true);

        schedules.reconcile();

        assertThat(schedules.trigger(RecoverySchedules.BACKUP_GROUP, plan.id())).isPresent();
        assertThat(scheduler.checkExists(stray)).isFalse();
    }

    @Test
    void theScheduleCheckJobReportsAMissedBackupOnceAsABreach() throws Exception {
        BackupPlan plan = admin(() -> plans.create(new BackupPlanDraft("svc-missed", "Missed", "missed-" + suffix(),
                new SourceSpec.Command(List.of("echo", "m")), "* * * * * ?", locations(), KeepRules.everything(),
                null, null, Duration.ZERO)));
        Thread.sleep(2_100);

        scheduler.triggerJob(JobKey.jobKey("backup-schedule-check", "recovery"));

        RecoveryBreaches.Breach breach = eventually(() -> breaches.latest(50).stream()
                .filter(b -> plan.id().equals(b.backupPlanId())).findFirst().orElse(null));
        assertThat(breach.kind()).isEqualTo(RecoveryBreaches.Kind.RPO_BREACHED);
        assertThat(breach.summary()).contains("last good backup never");
        admin(() -> plans.update(plan.id(), plan.version(), plan.draft(), false));
    }

    @Test
    void aPlanStartedNowIsNotStartedAgainWhileItRuns() {
        BackupPlan plan = admin(() -> plans.create(commandPlan("slow-" + suffix(), "0 0 3 * * ?",
                "sleep 2; echo slow")));

        RecoveryRuns.Run first = admin(() -> runs.startBackup(plan.id()));

        assertThat(first.state()).isIn(RecoveryRuns.State.QUEUED, RecoveryRuns.State.RUNNING);
        assertThatThrownBy(() -> admin(() -> runs.startBackup(plan.id())))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("plan"));
        assertThat(admin(() -> runs.runScheduledBackup(plan.id()))).as("the schedule skips it meanwhile").isEmpty();
    }

    private BackupPlanDraft commandPlan(String name, String cron, String script) {
        return new BackupPlanDraft("svc-" + name, "Service " + name, name,
                new SourceSpec.Command(List.of("sh", "-c", script)), cron, locations(), KeepRules.everything(), null,
                null, Duration.ofHours(1));
    }

    private static BackupPlanDraft withCron(BackupPlanDraft d, String cron) {
        return new BackupPlanDraft(d.serviceId(), d.serviceName(), d.name(), d.source(), cron, d.locations(),
                d.keep(), d.rpo(), d.rto(), d.grace());
    }

    private List<LocationSpec> locations() {
        return defaults.locations().stream().<LocationSpec>map(LocationSpec.Directory::new).toList();
    }

    private static <T> T admin(Supplier<T> work) {
        return SystemAuthority.runAs("test", List.of(Role.ADMIN), work);
    }

    private static <T> T eventually(Supplier<T> probe) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            T found = probe.get();
            if (found != null) {
                return found;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("nothing arrived within 60 s");
    }

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
