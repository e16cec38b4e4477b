package dev.gantry.config;

import dev.gantry.access.testing.TestDatabases;
import dev.gantry.testing.TestDataDirectory;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@ActiveProfiles("postgres")
class SecretWritesCommittedTogetherOnPostgresIntegrationTests extends SecretWritesCommittedTogetherIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = TestDatabases.freshPostgresDatabase();
        TestDataDirectory.register(registry, "secret-writes-postgres");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> TestDatabases.POSTGRES_USER);
    }
}
