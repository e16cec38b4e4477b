package dev.gantry.access;

import dev.gantry.access.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class ApiTokensOnH2IntegrationTests extends ApiTokensIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory("gantry-tokens-h2");
        registry.add("spring.datasource.url", () -> TestDatabases.h2File(dir));
        registry.add("gantry.keys.dir", () -> dir.resolve("keys").toString());
    }
}
