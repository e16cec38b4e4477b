package dev.gantry.scheduling;

import java.util.List;

import dev.gantry.config.SystemAuthority;
import dev.gantry.domain.Role;
import dev.gantry.secrets.SecretRotation;
import dev.gantry.secrets.VaultSealedException;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rotates the secrets that are due, converges rotations a dead node left half done, revokes replaced credentials
 * and sends expiry reminders. Several nodes may run it at once: the rotation claims each secret first.
 */
@DisallowConcurrentExecution
public class SecretRotationJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(SecretRotationJob.class);

    private final SecretRotation rotation;

    public SecretRotationJob(SecretRotation rotation) {
        this.rotation = rotation;
    }

    @Override
    public void execute(JobExecutionContext context) {
        try {
            SystemAuthority.runAs("secret-rotation", List.of(Role.SECRETS_ADMIN), () -> {
                rotation.runDue();
            });
        } catch (VaultSealedException sealed) {
            // A sealed vault is an operator's decision or a start-up not yet unsealed, not a failure of this job.
            log.debug("Secret rotation skipped: the vault is sealed");
        }
    }
}
