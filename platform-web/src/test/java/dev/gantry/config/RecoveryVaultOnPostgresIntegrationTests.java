package dev.gantry.config;

import dev.gantry.access.testing.TestDatabases;
import dev.gantry.testing.TestDataDirectory;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@ActiveProfiles("postgres")
class RecoveryVaultOnPostgresIntegrationTests extends RecoveryVaultIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = TestDatabases.freshPostgresDatabase();
        TestDataDirectory.register(registry, "recovery-vault-postgres");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> TestDatabases.POSTGRES_USER);
        registry.add("gantry.recovery.credentials.scratch.password", () -> "");
    }
}
