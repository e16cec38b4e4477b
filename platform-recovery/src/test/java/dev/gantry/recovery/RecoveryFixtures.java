package dev.gantry.recovery;

import dev.gantry.access.testing.ScratchDirectories;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Plans and places the recovery integration tests share. */
final class RecoveryFixtures {

    static final String HOURLY = "0 0 * * * *";

    private RecoveryFixtures() {
    }

    static void keysAndWork(DynamicPropertyRegistry registry, String prefix) {
        Path dir = ScratchDirectories.create(prefix);
        registry.add("gantry.recovery.key-dir", () -> dir.resolve("keys").toString());
        registry.add("gantry.recovery.work-dir", () -> dir.resolve("work").toString());
    }

    static BackupPlanDraft plan(String name, SourceSpec source, Path... locations) {
        return new BackupPlanDraft("svc-" + name, "Service " + name, name, source, HOURLY,
                Arrays.stream(locations).<LocationSpec>map(p -> new LocationSpec.Directory(p.toString())).toList(),
                KeepRules.everything(), null, null, Duration.ofMinutes(10));
    }

    static SourceSpec command(String script) {
        return new SourceSpec.Command(List.of("sh", "-c", script));
    }
}
