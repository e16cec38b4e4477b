package dev.gantry.config;

import java.nio.file.Path;

import dev.gantry.domain.policy.PolicyPack;
import dev.gantry.recovery.RecoveryPolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the recovery module into the application: objectives from the active policy pack, and the places under
 * the data directory that new plans and drills use unless an administrator chooses others.
 */
@Configuration(proxyBeanMethods = false)
class RecoveryConfiguration {

    @Bean
    RecoveryPolicy recoveryPolicy(PolicyPack activePolicyPack) {
        return RecoveryPolicy.of(activePolicyPack);
    }

    @Bean
    RecoveryDefaults recoveryDefaults(@Value("${gantry.recovery.locations.primary}") String primary,
                                      @Value("${gantry.recovery.locations.secondary}") String secondary,
                                      @Value("${gantry.recovery.scratch-dir}") String scratch,
                                      @Value("${gantry.recovery.key-dir}") String keys,
                                      @Value("${spring.datasource.url:}") String datasourceUrl) {
        return RecoveryDefaults.of(Path.of(primary), Path.of(secondary), Path.of(scratch), Path.of(keys),
                datasourceUrl);
    }
}
