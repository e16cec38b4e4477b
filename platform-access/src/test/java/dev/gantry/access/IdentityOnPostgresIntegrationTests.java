package dev.gantry.access;

import java.nio.file.Path;

import dev.gantry.access.testing.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class IdentityOnPostgresIntegrationTests extends IdentityIntegrationTests {

    @TempDir
    static Path directory;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = TestDatabases.freshPostgresDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("gantry.keys.dir", () -> directory.resolve("keys").toString());
        registry.add("gantry.audit.checkpoint-dir", () -> directory.resolve("audit").toString());
    }
}
