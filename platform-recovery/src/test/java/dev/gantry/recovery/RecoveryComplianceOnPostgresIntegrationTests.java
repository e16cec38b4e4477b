package dev.gantry.recovery;

import dev.gantry.access.testing.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class RecoveryComplianceOnPostgresIntegrationTests extends RecoveryComplianceIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = TestDatabases.freshPostgresDatabase();
        registry.add("spring.datasource.url", () -> url);
        RecoveryFixtures.keysAndWork(registry, "gantry-compliance-pg-keys");
    }
}
