package dev.gantry.access;

import java.nio.file.Path;

import dev.gantry.access.testing.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class IdentityOnH2IntegrationTests extends IdentityIntegrationTests {

    @TempDir
    static Path directory;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabases.h2File(directory));
        registry.add("gantry.data-dir", () -> directory.toString());
        registry.add("gantry.keys.dir", () -> directory.resolve("keys").toString());
        registry.add("gantry.audit.checkpoint-dir", () -> directory.resolve("audit").toString());
    }
}
