package dev.gantry.recovery;

import dev.gantry.access.testing.TestDatabases;
import java.nio.file.Path;

class DrillCrashOnH2IntegrationTests extends DrillCrashIntegrationTests {

    @Override
    String databaseUrl(Path dir) {
        return TestDatabases.h2File(dir.resolve("db"));
    }
}
