package dev.gantry.recovery;

import java.time.Duration;
import java.time.Period;
import java.util.Optional;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The policy the drill tests run under: drills at least every 30 days, RTO one hour, RPO one day. */
@TestConfiguration(proxyBeanMethods = false)
class DrillPolicyTestConfiguration {

    static final String SOURCE = "pack test 1.0.0 rule restore-drills";

    @Bean
    RecoveryPolicy recoveryPolicy() {
        var objectives = new RecoveryObjectives(Duration.ofHours(24), Duration.ofHours(1), Period.ofDays(30), SOURCE);
        return () -> Optional.of(objectives);
    }
}
