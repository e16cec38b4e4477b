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
import dev.gantry.secrets.RotationInterval;
import dev.gantry.secrets.RotationPolicy;
import dev.gantry.secrets.RotatorParameters;
import dev.gantry.secrets.SecretRotation;
import dev.gantry.secrets.SecretValue;
import dev.gantry.secrets.SecretVault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
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
@ExtendWith(OutputCaptureExtension.class)
abstract class SchedulingIntegrationTests {

    @Autowired Scheduler scheduler;
    @Autowired TeamManagement teams;
    @Autowired AuditVerifier verifier;
    @Autowired JdbcTemplate jdbc;
    @Autowired SecretVault vault;
    @Autowired SecretRotation rotation;
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

    @Test
    void theSecretRotationJobFiredByTheSchedulerRotatesADueSecretAndWarnsOfAnExpiry(CapturedOutput output)
            throws Exception {
        String suffix = Long.toString(System.nanoTime() % 1_000_000);
        String rotated = "sched/api/prod/db-" + suffix;
        String partnerKey = "sched/api/prod/partner-" + suffix;
        SystemAuthority.runAs("test", List.of(Role.SECRETS_ADMIN), () -> {
            vault.write(rotated, SecretValue.of("first".toCharArray()), null);
            rotation.setPolicy(RotationPolicy.forSecret(rotated, "password", RotatorParameters.none())
                    .withInterval(new RotationInterval("PT1H")));
            vault.write(partnerKey, SecretValue.of("partner".toCharArray()), null);
            rotation.setExpiry(partnerKey, Instant.now().plus(Duration.ofHours(12)));
        });
        // The value became current two hours ago, so the hourly policy is due.
        jdbc.update("update secret_stage set moved_at = ? where label = 'CURRENT' and secret_id = "
                + "(select id from secret_metadata where path = ?)",
                java.sql.Timestamp.from(Instant.now().minus(Duration.ofHours(2))), rotated);
        jdbc.update("update secret_version set current_since = ? where secret_id = "
                + "(select id from secret_metadata where path = ?)",
                java.sql.Timestamp.from(Instant.now().minus(Duration.ofHours(2))), rotated);

        scheduler.triggerJob(JobKey.jobKey("secret-rotation", "secrets"));

        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (currentVersion(rotated) < 2 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(currentVersion(rotated)).isEqualTo(2);
        while (!output.getAll().contains("Secret " + partnerKey + " expires at") && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(output.getAll()).contains("Secret " + partnerKey + " expires at").doesNotContain("partner\n");
        Integer rotations = jdbc.queryForObject("select count(*) from access_audit_entry "
                + "where actor = 'system:secret-rotation'", Integer.class);
        assertThat(rotations).isPositive();
    }

    @Test
    void theSecretJobsAreScheduled() throws Exception {
        for (String job : List.of("secret-rotation", "vault-token-purge", "root-key-rewrap")) {
            assertThat(scheduler.getJobDetail(JobKey.jobKey(job, "secrets")).requestsRecovery()).as(job).isTrue();
            assertThat(scheduler.getTrigger(TriggerKey.triggerKey(job, "secrets"))).as(job).isNotNull();
        }
    }

    private long currentVersion(String path) {
        return SystemAuthority.runAs("test", List.of(Role.SECRETS_ADMIN), () -> vault.metadata(path).currentVersion());
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
