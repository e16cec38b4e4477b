package dev.gantry.access;

import dev.gantry.access.testing.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class AuditGroupCommitOnPostgresIntegrationTests extends AuditGroupCommitIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabases::freshPostgresDatabase);
    }
}
