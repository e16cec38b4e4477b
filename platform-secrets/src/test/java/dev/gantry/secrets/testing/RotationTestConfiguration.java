package dev.gantry.secrets.testing;

import dev.gantry.secrets.RotationDefaults;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The test target's rotator and a policy pack default the tests can change. Import it explicitly. */
@TestConfiguration(proxyBeanMethods = false)
public class RotationTestConfiguration {

    @Bean
    TargetRotator targetRotator() {
        return new TargetRotator();
    }

    @Bean
    PackDefaults packDefaults() {
        return new PackDefaults();
    }

    /** What the active policy pack says about maximum age; empty until a test sets it. */
    public static final class PackDefaults implements RotationDefaults {

        private final AtomicReference<Optional<MaximumAge>> maximum = new AtomicReference<>(Optional.empty());

        @Override
        public Optional<MaximumAge> maximumAge() {
            return maximum.get();
        }

        public void set(Optional<MaximumAge> value) {
            maximum.set(value);
        }
    }
}
