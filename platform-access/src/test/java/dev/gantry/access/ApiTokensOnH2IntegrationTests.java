package dev.gantry.access;

import dev.gantry.access.testing.ScratchDirectories;
import dev.gantry.access.testing.TestDatabases;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class ApiTokensOnH2IntegrationTests extends ApiTokensIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Path dir = ScratchDirectories.create("gantry-tokens-h2");
        registry.add("spring.datasource.url", () -> TestDatabases.h2File(dir));
        registry.add("gantry.keys.dir", () -> dir.resolve("keys").toString());
    }
}
