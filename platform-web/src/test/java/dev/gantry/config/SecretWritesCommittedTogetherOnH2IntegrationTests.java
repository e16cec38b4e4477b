package dev.gantry.config;

import dev.gantry.testing.TestDataDirectory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class SecretWritesCommittedTogetherOnH2IntegrationTests extends SecretWritesCommittedTogetherIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDataDirectory.register(registry, "secret-writes-h2");
    }
}
