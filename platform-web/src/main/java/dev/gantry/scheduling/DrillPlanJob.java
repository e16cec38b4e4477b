package dev.gantry.scheduling;

import java.util.List;
import java.util.UUID;

import dev.gantry.config.SystemAuthority;
import dev.gantry.domain.Role;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Runs one restore drill plan on its schedule; named by the plan's id, so a plan never drills twice at once. */
@DisallowConcurrentExecution
public class DrillPlanJob implements Job {

    private final RecoveryRuns runs;

    public DrillPlanJob(RecoveryRuns runs) {
        this.runs = runs;
    }

    @Override
    public void execute(JobExecutionContext context) {
        UUID drillPlanId = UUID.fromString(context.getJobDetail().getKey().getName());
        SystemAuthority.runAs("drill-schedule", List.of(Role.ADMIN), () -> {
            runs.runScheduledDrill(drillPlanId);
        });
    }
}
