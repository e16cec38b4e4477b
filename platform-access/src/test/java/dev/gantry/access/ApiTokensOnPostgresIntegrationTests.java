package dev.gantry.access;

import dev.gantry.access.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class ApiTokensOnPostgresIntegrationTests extends ApiTokensIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException {
        Path keys = Files.createTempDirectory("gantry-tokens-pg").resolve("keys");
        String url = TestDatabases.freshPostgresDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", TestDatabases::postgresUser);
        registry.add("gantry.keys.dir", keys::toString);
    }
}
