package dev.gantry.secrets;

import dev.gantry.access.testing.TestDatabases;
import java.nio.file.Path;

class RotationCrashOnH2IntegrationTests extends RotationCrashIntegrationTests {

    @Override
    String vaultDatabase(Path dir) {
        return TestDatabases.h2File(dir);
    }
}
