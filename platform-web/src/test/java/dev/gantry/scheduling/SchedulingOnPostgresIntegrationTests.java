package dev.gantry.scheduling;

import dev.gantry.testing.TestDataDirectory;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The {@code postgres} profile as several nodes would run it: PostgreSQL migrations and a clustered scheduler. */
@ActiveProfiles("postgres")
class SchedulingOnPostgresIntegrationTests extends SchedulingIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDataDirectory.registerOnFreshPostgres(registry, "scheduling-postgres");
    }

    @Override
    boolean expectClustered() {
        return true;
    }
}
