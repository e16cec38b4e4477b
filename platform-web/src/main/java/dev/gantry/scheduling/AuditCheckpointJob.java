package dev.gantry.scheduling;

import java.util.List;

import dev.gantry.access.AuditCheckpoints;
import dev.gantry.config.SystemAuthority;
import dev.gantry.domain.Role;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Signs the head of the audit chain and appends it to the checkpoint file outside the database. */
@DisallowConcurrentExecution
public class AuditCheckpointJob implements Job {

    private final AuditCheckpoints checkpoints;

    public AuditCheckpointJob(AuditCheckpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    @Override
    public void execute(JobExecutionContext context) {
        SystemAuthority.runAs("audit-checkpoint", List.of(Role.AUDITOR), () -> {
            checkpoints.checkpoint();
        });
    }
}
