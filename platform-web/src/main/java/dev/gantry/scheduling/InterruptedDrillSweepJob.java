package dev.gantry.scheduling;

import dev.gantry.config.SystemAuthority;
import dev.gantry.domain.Role;
import dev.gantry.recovery.RestoreDrills;
import java.util.List;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Closes drills left RUNNING by a node that stopped, once their window and the lease have passed. */
@DisallowConcurrentExecution
public class InterruptedDrillSweepJob implements Job {

    private final RestoreDrills drills;

    public InterruptedDrillSweepJob(RestoreDrills drills) {
        this.drills = drills;
    }

    @Override
    public void execute(JobExecutionContext context) {
        SystemAuthority.runAs("recovery-sweep", List.of(Role.ADMIN), drills::sweepInterrupted);
    }
}
