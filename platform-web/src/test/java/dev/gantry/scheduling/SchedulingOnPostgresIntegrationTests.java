package dev.gantry.scheduling;

import dev.gantry.access.testing.TestDatabases;
import dev.gantry.testing.TestDataDirectory;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The {@code postgres} profile as several nodes would run it: PostgreSQL migrations and a clustered scheduler. */
@ActiveProfiles("postgres")
class SchedulingOnPostgresIntegrationTests extends SchedulingIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = TestDatabases.freshPostgresDatabase();
        TestDataDirectory.register(registry, "scheduling-postgres");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> TestDatabases.POSTGRES_USER);
    }

    @Override
    boolean expectClustered() {
        return true;
    }
}
