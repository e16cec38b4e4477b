package dev.gantry.secrets;

import dev.gantry.access.testing.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class SecretRotationOnPostgresIntegrationTests extends SecretRotationIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = TestDatabases.freshPostgresDatabase();
        registry.add("spring.datasource.url", () -> url);
    }
}
