package dev.gantry.recovery;

import dev.gantry.access.testing.ScratchDirectories;
import dev.gantry.access.testing.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class BackupServiceOnH2IntegrationTests extends BackupServiceIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabases.h2File(ScratchDirectories.create("gantry-backup-h2")));
        RecoveryFixtures.keysAndWork(registry, "gantry-backup-h2-keys");
    }
}
