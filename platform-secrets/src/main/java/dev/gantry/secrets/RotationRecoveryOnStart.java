package dev.gantry.secrets;

import dev.gantry.secrets.internal.Actors;
import dev.gantry.secrets.internal.seal.SealState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Once the application is up (and unsealed from its key file, if it unseals that way), catches up with rotations a
 * dead node left between set and finish, so a restart converges without waiting for the next scheduled run. A
 * sealed vault leaves that to the first run after unsealing.
 */
@Component
class RotationRecoveryOnStart {

    private static final Logger log = LoggerFactory.getLogger(RotationRecoveryOnStart.class);

    private final SecretRotation rotation;
    private final SealState seal;

    RotationRecoveryOnStart(SecretRotation rotation, SealState seal) {
        this.rotation = rotation;
        this.seal = seal;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void converge() {
        if (seal.sealed()) {
            return;
        }
        try {
            int resolved = Actors.runAsSystem("system:secret-rotation", rotation::convergeInterrupted,
                    "ROLE_SECRETS_ADMIN");
            if (resolved > 0) {
                log.info("Resolved {} rotation(s) interrupted by a stopped node", resolved);
            }
        } catch (RuntimeException failed) {
            // Start anyway: the next scheduled run tries again.
            log.warn("Could not resolve interrupted rotations at start: {}", failed.getClass().getName());
        }
    }
}
