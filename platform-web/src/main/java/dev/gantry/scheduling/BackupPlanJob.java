package dev.gantry.scheduling;

import java.util.List;
import java.util.UUID;

import dev.gantry.config.SystemAuthority;
import dev.gantry.domain.Role;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Backs up one plan on its schedule. The job is named by the plan's id, so a plan never runs twice at once (also
 * across nodes: the job store is clustered) while different plans run side by side.
 */
@DisallowConcurrentExecution
public class BackupPlanJob implements Job {

    private final RecoveryRuns runs;

    public BackupPlanJob(RecoveryRuns runs) {
        this.runs = runs;
    }

    @Override
    public void execute(JobExecutionContext context) {
        UUID planId = UUID.fromString(context.getJobDetail().getKey().getName());
        SystemAuthority.runAs("backup-schedule", List.of(Role.ADMIN), () -> {
            runs.runScheduledBackup(planId);
        });
    }
}
