package dev.gantry.config;

import dev.gantry.domain.policy.PolicyPack;
import dev.gantry.secrets.RotationDefaults;
import dev.gantry.secrets.RotationFailing;
import dev.gantry.secrets.SecretExpiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Rotation's ties to the application: the active policy pack's maximum age, and the warnings an operator reads in
 * the log when a rotation keeps failing or a credential Gantry cannot rotate is about to expire. The events carry
 * paths and times only, never a value.
 */
@Configuration(proxyBeanMethods = false)
class SecretRotationConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecretRotationConfiguration.class);

    @Bean
    RotationDefaults rotationDefaults(PolicyPack activePolicyPack) {
        return RotationDefaults.fromPack(() -> activePolicyPack);
    }

    /** After commit: a reminder whose insert lost a race between two nodes was rolled back, and is not logged. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(RotationFailing failing) {
        log.warn("Rotation of {} failed {} times in a row (last at {}): {}; next attempt at {}", failing.path(),
                failing.consecutiveFailures(), failing.failedAt(), failing.lastFailure(), failing.nextAttemptAt());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(SecretExpiring expiring) {
        log.warn("Secret {} expires at {} (reminder {} ahead); rotate it or set a new expiry", expiring.path(),
                expiring.expiresAt(), expiring.leadTime());
    }
}
