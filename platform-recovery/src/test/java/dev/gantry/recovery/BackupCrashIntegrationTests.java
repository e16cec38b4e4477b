package dev.gantry.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.access.testing.SignedIn;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * kill -9 of Gantry in the middle of a backup: the point stays RUNNING, which never counts; the next run, once the
 * lease has passed, declares it FAILED and succeeds itself. The child is killed through its process handle.
 */
abstract class BackupCrashIntegrationTests {

    @TempDir
    Path dir;

    abstract String databaseUrl(Path dir);

    @Test
    void aBackupKilledMidwayLeavesARunningPointThatTheNextRunDeclaresFailedBeforeSucceeding() throws Exception {
        String url = databaseUrl(dir);
        Path locations = dir.resolve("backups");
        Path finish = dir.resolve("finish");
        List<String> properties = List.of("--spring.datasource.url=" + url,
                "--gantry.recovery.key-dir=" + dir.resolve("keys"), "--gantry.recovery.work-dir=" + dir.resolve("work"),
                "--gantry.recovery.backup.lease=PT30S", "--logging.level.root=warn");

        Process child = child(properties, locations, finish);
        UUID planId = null;
        UUID killedPoint = null;
        try (var lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("PLAN ")) {
                    planId = BackupCrashMain.uuid(line);
                } else if (line.startsWith("RUNNING ")) {
                    killedPoint = BackupCrashMain.uuid(line);
                    child.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
                    child.toHandle().destroyForcibly();
                    break;
                }
            }
        }
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        assertThat(killedPoint).as("the child reported a running backup").isNotNull();
        assertThat(Files.list(locations).map(p -> p.getFileName().toString()))
                .as("nothing was published under a backup's name").allMatch(name -> name.startsWith(".partial-"));

        Files.writeString(finish, "the source may end now");
        Clock afterLease = Clock.fixed(Instant.now().plus(Duration.ofMinutes(5)), ZoneOffset.UTC);
        try (ConfigurableApplicationContext context = BackupCrashMain.start(afterLease,
                properties.toArray(String[]::new))) {
            BackupService backups = context.getBean(BackupService.class);
            UUID plan = planId;
            UUID killed = killedPoint;

            BackupPoint before = SignedIn.as("ops", "ADMIN", () -> backups.point(killed));
            assertThat(before.state()).isEqualTo(PointState.RUNNING);
            assertThat(before.countsTowardRpo()).isFalse();

            BackupPoint next = SignedIn.as("ops", "ADMIN", () -> backups.runPlan(plan));
            assertThat(next.state()).isEqualTo(PointState.SUCCEEDED);

            BackupPoint after = SignedIn.as("ops", "ADMIN", () -> backups.point(killed));
            assertThat(after.state()).isEqualTo(PointState.FAILED);
            assertThat(after.failure()).startsWith("abandoned: no heartbeat");
            assertThat(SignedIn.as("ops", "ADMIN", () -> backups.points(plan, 10)))
                    .extracting(BackupPoint::state).containsExactly(PointState.SUCCEEDED, PointState.FAILED);
        }
    }

    private Process child(List<String> properties, Path locations, Path finish) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        var command = new java.util.ArrayList<>(List.of(java.toString(), "-Xmx384m",
                "--enable-native-access=ALL-UNNAMED", "-Dcrash.locations=" + locations, "-Dcrash.finish=" + finish,
                "-cp", System.getProperty("java.class.path"), BackupCrashMain.class.getName()));
        command.addAll(properties);
        return new ProcessBuilder(command).redirectError(dir.resolve("child.log").toFile()).start();
    }
}
