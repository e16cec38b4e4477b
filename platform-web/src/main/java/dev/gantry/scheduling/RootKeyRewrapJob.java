package dev.gantry.scheduling;

import java.util.List;

import dev.gantry.config.SystemAuthority;
import dev.gantry.domain.Role;
import dev.gantry.secrets.RewrapStatus;
import dev.gantry.secrets.RootKeyRewrap;
import dev.gantry.secrets.VaultSealedException;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves stored data keys under the newest root key version in batches, one transaction each, until none is left.
 * A firing stops after {@link #MAX_BATCHES_PER_FIRING} batches so it never holds the scheduler's thread for long;
 * the next firing continues where the rows say it stands.
 */
@DisallowConcurrentExecution
public class RootKeyRewrapJob implements Job {

    static final int MAX_BATCHES_PER_FIRING = 200;
    private static final Logger log = LoggerFactory.getLogger(RootKeyRewrapJob.class);

    private final RootKeyRewrap rewrap;

    public RootKeyRewrapJob(RootKeyRewrap rewrap) {
        this.rewrap = rewrap;
    }

    @Override
    public void execute(JobExecutionContext context) {
        try {
            SystemAuthority.runAs("root-key-rewrap", List.of(Role.SECRETS_ADMIN), () -> {
                RewrapStatus status = rewrap.status();
                for (int batch = 0; !status.complete() && batch < MAX_BATCHES_PER_FIRING; batch++) {
                    status = rewrap.runBatch();
                }
            });
        } catch (VaultSealedException sealed) {
            log.debug("Root key rewrap skipped: the vault is sealed");
        }
    }
}
