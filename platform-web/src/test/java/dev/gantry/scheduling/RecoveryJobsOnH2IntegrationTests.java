package dev.gantry.scheduling;

import dev.gantry.testing.TestDataDirectory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class RecoveryJobsOnH2IntegrationTests extends RecoveryJobsIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDataDirectory.register(registry, "recovery-jobs-h2");
    }
}
