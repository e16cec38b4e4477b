package dev.gantry.config;

import dev.gantry.testing.TestDataDirectory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class RecoveryVaultOnH2IntegrationTests extends RecoveryVaultIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDataDirectory.register(registry, "recovery-vault-h2");
        registry.add("gantry.recovery.credentials.scratch.password", () -> "");
    }
}
