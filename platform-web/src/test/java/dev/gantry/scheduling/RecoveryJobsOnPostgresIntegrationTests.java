package dev.gantry.scheduling;

import dev.gantry.access.testing.TestDatabases;
import dev.gantry.testing.TestDataDirectory;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The {@code postgres} profile as several nodes would run it: recovery tables and a clustered job store. */
@ActiveProfiles("postgres")
class RecoveryJobsOnPostgresIntegrationTests extends RecoveryJobsIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = TestDatabases.freshPostgresDatabase();
        TestDataDirectory.register(registry, "recovery-jobs-postgres");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> TestDatabases.POSTGRES_USER);
    }
}
