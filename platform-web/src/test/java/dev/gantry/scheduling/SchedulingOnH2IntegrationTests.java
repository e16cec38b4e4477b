package dev.gantry.scheduling;

import dev.gantry.testing.TestDataDirectory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class SchedulingOnH2IntegrationTests extends SchedulingIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDataDirectory.register(registry, "scheduling-h2");
    }

    @Override
    boolean expectClustered() {
        return false;
    }
}
