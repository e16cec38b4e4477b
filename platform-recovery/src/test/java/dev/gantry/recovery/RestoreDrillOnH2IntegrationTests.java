package dev.gantry.recovery;

import dev.gantry.access.testing.ScratchDirectories;
import dev.gantry.access.testing.TestDatabases;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class RestoreDrillOnH2IntegrationTests extends RestoreDrillIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabases.h2File(ScratchDirectories.create("gantry-drill-h2")));
        RecoveryFixtures.keysAndWork(registry, "gantry-drill-h2-keys");
    }

    @Override
    ScratchSpec databaseScratch(Path parent) {
        return new ScratchSpec.NewH2File(parent.toString());
    }
}
