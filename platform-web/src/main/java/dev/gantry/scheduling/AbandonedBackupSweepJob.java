package dev.gantry.scheduling;

import dev.gantry.config.SystemAuthority;
import dev.gantry.domain.Role;
import dev.gantry.recovery.BackupService;
import java.util.List;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Closes backups left RUNNING by a node that stopped, once their heartbeat is older than the lease. */
@DisallowConcurrentExecution
public class AbandonedBackupSweepJob implements Job {

    private final BackupService backups;

    public AbandonedBackupSweepJob(BackupService backups) {
        this.backups = backups;
    }

    @Override
    public void execute(JobExecutionContext context) {
        SystemAuthority.runAs("recovery-sweep", List.of(Role.ADMIN), backups::sweepAbandoned);
    }
}
