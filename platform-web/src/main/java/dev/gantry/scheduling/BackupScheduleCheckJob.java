package dev.gantry.scheduling;

import java.util.List;

import dev.gantry.config.SystemAuthority;
import dev.gantry.domain.Role;
import dev.gantry.recovery.BackupService;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Looks for backup plans whose schedule was missed; each missed deadline publishes one RpoBreached. */
@DisallowConcurrentExecution
public class BackupScheduleCheckJob implements Job {

    private final BackupService backups;

    public BackupScheduleCheckJob(BackupService backups) {
        this.backups = backups;
    }

    @Override
    public void execute(JobExecutionContext context) {
        SystemAuthority.runAs("backup-schedule-check", List.of(Role.ADMIN), () -> {
            backups.checkSchedules();
        });
    }
}
