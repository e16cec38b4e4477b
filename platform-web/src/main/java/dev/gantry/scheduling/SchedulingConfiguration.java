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
}
