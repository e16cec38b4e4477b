package dev.gantry.recovery;

import dev.gantry.access.testing.TestDatabases;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class RestoreDrillOnPostgresIntegrationTests extends RestoreDrillIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = TestDatabases.freshPostgresDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("gantry.recovery.credentials.scratch.password", () -> "");
        RecoveryFixtures.keysAndWork(registry, "gantry-drill-pg-keys");
    }

    @Override
    ScratchSpec databaseScratch(Path parent) {
        return new ScratchSpec.NewPostgresDatabase("127.0.0.1", 5432, TestDatabases.POSTGRES_USER, "scratch");
    }
}
