package dev.gantry.scheduling;

import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Gantry's recurring jobs, stored in the database job store: with the {@code postgres} profile Quartz runs
 * clustered and each firing happens on exactly one node. Every job requests recovery (a node killed while running
 * it leaves the firing to be re-run) and fires once to catch up after a missed schedule, never once per miss.
 */
@Configuration(proxyBeanMethods = false)
class SchedulingConfiguration {

    @Bean
    JobDetail auditCheckpointJob() {
        return JobBuilder.newJob(AuditCheckpointJob.class).withIdentity("audit-checkpoint", "audit")
                .withDescription("Sign the audit chain's head and write it outside the database")
                .requestRecovery().storeDurably().build();
    }

    @Bean
    Trigger auditCheckpointTrigger(@Value("${gantry.audit.checkpoint-cron}") String cron) {
        return TriggerBuilder.newTrigger().forJob("audit-checkpoint", "audit")
                .withIdentity("audit-checkpoint", "audit")
                .withSchedule(CronScheduleBuilder.cronSchedule(cron).withMisfireHandlingInstructionFireAndProceed())
                .build();
    }

    @Bean
    JobDetail apiTokenPurgeJob() {
        return JobBuilder.newJob(ApiTokenPurgeJob.class).withIdentity("api-token-purge", "access")
                .withDescription("Delete long-expired and long-revoked API tokens")
                .requestRecovery().storeDurably().build();
    }

    @Bean
    Trigger apiTokenPurgeTrigger() {
        return TriggerBuilder.newTrigger().forJob("api-token-purge", "access")
                .withIdentity("api-token-purge", "access")
                .withSchedule(CronScheduleBuilder.dailyAtHourAndMinute(3, 17)
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }

    @Bean
    JobDetail secretRotationJob() {
        return JobBuilder.newJob(SecretRotationJob.class).withIdentity("secret-rotation", "secrets")
                .withDescription("Rotate due secrets, converge interrupted rotations, send expiry reminders")
                .requestRecovery().storeDurably().build();
    }

    @Bean
    Trigger secretRotationTrigger(@Value("${gantry.secrets.rotation.cron:0 * * * * ?}") String cron) {
        return TriggerBuilder.newTrigger().forJob("secret-rotation", "secrets")
                .withIdentity("secret-rotation", "secrets")
                .withSchedule(CronScheduleBuilder.cronSchedule(cron).withMisfireHandlingInstructionFireAndProceed())
                .build();
    }

    @Bean
    JobDetail vaultTokenPurgeJob() {
        return JobBuilder.newJob(VaultTokenPurgeJob.class).withIdentity("vault-token-purge", "secrets")
                .withDescription("Revoke children of ended vault tokens; delete tokens ended 30 days ago")
                .requestRecovery().storeDurably().build();
    }

    @Bean
    Trigger vaultTokenPurgeTrigger() {
        return TriggerBuilder.newTrigger().forJob("vault-token-purge", "secrets")
                .withIdentity("vault-token-purge", "secrets")
                .withSchedule(CronScheduleBuilder.dailyAtHourAndMinute(3, 23)
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }

    @Bean
    JobDetail rootKeyRewrapJob() {
        return JobBuilder.newJob(RootKeyRewrapJob.class).withIdentity("root-key-rewrap", "secrets")
                .withDescription("Rewrap stored data keys under the newest root key version")
                .requestRecovery().storeDurably().build();
    }

    @Bean
    Trigger rootKeyRewrapTrigger(@Value("${gantry.secrets.rewrap.cron:30 * * * * ?}") String cron) {
        return TriggerBuilder.newTrigger().forJob("root-key-rewrap", "secrets")
                .withIdentity("root-key-rewrap", "secrets")
                .withSchedule(CronScheduleBuilder.cronSchedule(cron).withMisfireHandlingInstructionFireAndProceed())
                .build();
    }

    @Bean
    JobDetail backupScheduleCheckJob() {
        return JobBuilder.newJob(BackupScheduleCheckJob.class).withIdentity("backup-schedule-check", "recovery")
                .withDescription("Look for backup plans whose schedule was missed")
                .requestRecovery().storeDurably().build();
    }

    @Bean
    Trigger backupScheduleCheckTrigger(@Value("${gantry.recovery.schedule-check-cron}") String cron) {
        return TriggerBuilder.newTrigger().forJob("backup-schedule-check", "recovery")
                .withIdentity("backup-schedule-check", "recovery")
                .withSchedule(CronScheduleBuilder.cronSchedule(cron).inTimeZone(java.util.TimeZone.getTimeZone("UTC"))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }

    @Bean
    JobDetail abandonedBackupSweepJob() {
        return JobBuilder.newJob(AbandonedBackupSweepJob.class).withIdentity("abandoned-backup-sweep", "recovery")
                .withDescription("Mark backups left running by a stopped node as failed")
                .requestRecovery().storeDurably().build();
    }

    @Bean
    Trigger abandonedBackupSweepTrigger(@Value("${gantry.recovery.sweep-cron}") String cron) {
        return TriggerBuilder.newTrigger().forJob("abandoned-backup-sweep", "recovery")
                .withIdentity("abandoned-backup-sweep", "recovery")
                .withSchedule(CronScheduleBuilder.cronSchedule(cron).withMisfireHandlingInstructionFireAndProceed())
                .build();
    }

    @Bean
    JobDetail interruptedDrillSweepJob() {
        return JobBuilder.newJob(InterruptedDrillSweepJob.class).withIdentity("interrupted-drill-sweep", "recovery")
                .withDescription("Mark drills left running by a stopped node as interrupted and remove their scratch")
                .requestRecovery().storeDurably().build();
    }

    @Bean
    Trigger interruptedDrillSweepTrigger(@Value("${gantry.recovery.sweep-cron}") String cron) {
        return TriggerBuilder.newTrigger().forJob("interrupted-drill-sweep", "recovery")
                .withIdentity("interrupted-drill-sweep", "recovery")
                .withSchedule(CronScheduleBuilder.cronSchedule(cron).withMisfireHandlingInstructionFireAndProceed())
                .build();
    }
}
