package dev.gantry.scheduling;

import java.util.List;

import dev.gantry.access.ApiTokens;
import dev.gantry.config.SystemAuthority;
import dev.gantry.domain.Role;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Deletes API tokens that expired or were revoked long enough ago that the audit view no longer lists them. */
@DisallowConcurrentExecution
public class ApiTokenPurgeJob implements Job {

    private final ApiTokens tokens;

    public ApiTokenPurgeJob(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public void execute(JobExecutionContext context) {
        SystemAuthority.runAs("token-purge", List.of(Role.ADMIN), () -> {
            tokens.purgeExpired();
        });
    }
}
