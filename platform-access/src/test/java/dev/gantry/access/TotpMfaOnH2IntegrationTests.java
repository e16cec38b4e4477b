package dev.gantry.access;

import dev.gantry.access.testing.ScratchDirectories;
import dev.gantry.access.testing.TestDatabases;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class TotpMfaOnH2IntegrationTests extends TotpMfaIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Path dir = ScratchDirectories.create("gantry-mfa-h2");
        registry.add("spring.datasource.url", () -> TestDatabases.h2File(dir));
        registry.add("gantry.keys.dir", () -> dir.resolve("keys").toString());
    }
}
