package dev.gantry.secrets;

import dev.gantry.access.testing.ScratchDirectories;
import dev.gantry.access.testing.TestDatabases;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class SecretRotationOnH2IntegrationTests extends SecretRotationIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Path dir = ScratchDirectories.create("gantry-rotation-h2");
        registry.add("spring.datasource.url", () -> TestDatabases.h2File(dir));
    }
}
