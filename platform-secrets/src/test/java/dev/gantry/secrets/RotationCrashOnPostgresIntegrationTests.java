package dev.gantry.secrets;

import dev.gantry.access.testing.TestDatabases;
import java.nio.file.Path;

class RotationCrashOnPostgresIntegrationTests extends RotationCrashIntegrationTests {

    @Override
    String vaultDatabase(Path dir) {
        return TestDatabases.freshPostgresDatabase();
    }
}
