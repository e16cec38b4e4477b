package dev.gantry.scheduling;

import dev.gantry.secrets.VaultTokens;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Revokes the children of ended vault tokens and deletes tokens that ended more than 30 days ago. */
@DisallowConcurrentExecution
public class VaultTokenPurgeJob implements Job {

    private final VaultTokens tokens;

    public VaultTokenPurgeJob(VaultTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public void execute(JobExecutionContext context) {
        tokens.purgeExpired();
    }
}
