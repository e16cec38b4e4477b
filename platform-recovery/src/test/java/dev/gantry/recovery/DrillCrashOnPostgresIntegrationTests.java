package dev.gantry.recovery;

import dev.gantry.access.testing.TestDatabases;
import java.nio.file.Path;

class DrillCrashOnPostgresIntegrationTests extends DrillCrashIntegrationTests {

    @Override
    String databaseUrl(Path dir) {
        return TestDatabases.freshPostgresDatabase();
    }
}
