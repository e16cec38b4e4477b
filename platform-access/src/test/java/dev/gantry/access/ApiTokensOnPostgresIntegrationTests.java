package dev.gantry.access;

import dev.gantry.access.testing.ScratchDirectories;
import dev.gantry.access.testing.TestDatabases;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class ApiTokensOnPostgresIntegrationTests extends ApiTokensIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Path keys = ScratchDirectories.create("gantry-tokens-pg").resolve("keys");
        String url = TestDatabases.freshPostgresDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("gantry.keys.dir", keys::toString);
    }
}
