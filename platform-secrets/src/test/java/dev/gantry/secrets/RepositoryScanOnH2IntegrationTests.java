package dev.gantry.secrets;

import dev.gantry.access.testing.ScratchDirectories;
import dev.gantry.access.testing.TestDatabases;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class RepositoryScanOnH2IntegrationTests extends RepositoryScanIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Path dir = ScratchDirectories.create("gantry-scan-h2");
        registry.add("spring.datasource.url", () -> TestDatabases.h2File(dir));
    }
}
