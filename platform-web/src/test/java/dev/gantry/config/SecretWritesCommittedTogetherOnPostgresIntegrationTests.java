package dev.gantry.config;

import dev.gantry.testing.TestDataDirectory;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@ActiveProfiles("postgres")
class SecretWritesCommittedTogetherOnPostgresIntegrationTests extends SecretWritesCommittedTogetherIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDataDirectory.registerOnFreshPostgres(registry, "secret-writes-postgres");
    }
}
