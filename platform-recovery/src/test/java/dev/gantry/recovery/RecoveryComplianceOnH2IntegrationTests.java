package dev.gantry.recovery;

import dev.gantry.access.testing.ScratchDirectories;
import dev.gantry.access.testing.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class RecoveryComplianceOnH2IntegrationTests extends RecoveryComplianceIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url",
                () -> TestDatabases.h2File(ScratchDirectories.create("gantry-compliance-h2")));
        RecoveryFixtures.keysAndWork(registry, "gantry-compliance-h2-keys");
    }
}
