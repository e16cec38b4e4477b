package dev.gantry.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import dev.gantry.access.AuditVerification;
import dev.gantry.access.AuditVerifier;
import dev.gantry.access.NewTeam;
import dev.gantry.access.TeamManagement;
import dev.gantry.config.SystemAuthority;
import dev.gantry.domain.Role;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole application on a real database: every module's migrations ran, the Quartz job store lives in the same
 * database, and the audit-checkpoint job, fired by the real scheduler, writes a signed checkpoint that verification
 * then checks. Run on H2 and, with the {@code postgres} profile, on PostgreSQL with a clustered scheduler.
 */
@SpringBootTest
abstract class SchedulingIntegrationTests {

    @Autowired Scheduler scheduler;
    @Autowired TeamManagement teams;
    @Autowired AuditVerifier verifier;
    @Autowired JdbcTemplate jdbc;
    @Value("${gantry.audit.checkpoint-dir}") Path checkpoints;

    abstract boolean expectClustered();

    @Test
    void theSchedulerKeepsItsJobsInTheDatabaseAndRecoversThem() throws Exception {
        assertThat(scheduler.isStarted()).isTrue();
        assertThat(scheduler.getMetaData().getJobStoreClass().getSimpleName()).isEqualTo("LocalDataSourceJobStore");
        assertThat(scheduler.getMetaData().isJobStoreClustered()).isEqualTo(expectClustered());
        JobDetail checkpoint = scheduler.getJobDetail(JobKey.jobKey("audit-checkpoint", "audit"));
        assertThat(checkpoint.requestsRecovery()).isTrue();
        CronTrigger trigger = (CronTrigger) scheduler.getTrigger(TriggerKey.triggerKey("audit-checkpoint", "audit"));
        assertThat(trigger.getMisfireInstruction()).isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW);
        Integer stored = jdbc.queryForObject("select count(*) from qrtz_job_details", Integer.class);
        assertThat(stored).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theAuditCheckpointJobSignsTheChainOutsideTheDatabase() throws Exception {
        SystemAuthority.runAs("test", List.of(Role.ADMIN), () -> {
            teams.create(new NewTeam("sched-" + System.nanoTime() % 100000, "Scheduled", ""));
        });
        long linesBefore = checkpointLines();

        scheduler.triggerJob(JobKey.jobKey("audit-checkpoint", "audit"));

        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (checkpointLines() == linesBefore && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(checkpointLines()).isGreaterThan(linesBefore);
        AuditVerification result = SystemAuthority.runAs("test", List.of(Role.AUDITOR), verifier::verify);
        assertThat(result).isInstanceOfSatisfying(AuditVerification.Intact.class,
                intact -> assertThat(intact.checkpointSeq()).isPresent());
        Integer checkpointEntries = jdbc.queryForObject(
                "select count(*) from access_audit_entry where actor = 'system:audit-checkpoint'", Integer.class);
        assertThat(checkpointEntries).isPositive();
    }

    private long checkpointLines() throws Exception {
        if (!Files.isDirectory(checkpoints)) {
            return 0;
        }
        long lines = 0;
        try (Stream<Path> files = Files.list(checkpoints)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                lines += Files.readAllLines(file).size();
            }
        }
        return lines;
    }
}
