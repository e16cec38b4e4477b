package dev.gantry.scheduling;

import dev.gantry.testing.TestDataDirectory;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The {@code postgres} profile as several nodes would run it: recovery tables and a clustered job store. */
@ActiveProfiles("postgres")
class RecoveryJobsOnPostgresIntegrationTests extends RecoveryJobsIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDataDirectory.registerOnFreshPostgres(registry, "recovery-jobs-postgres");
    }
}
