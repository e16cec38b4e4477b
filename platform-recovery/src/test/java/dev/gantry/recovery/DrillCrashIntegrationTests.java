package dev.gantry.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.access.testing.MutableClock;
import dev.gantry.access.testing.RecordingAuditTrail;
import dev.gantry.access.testing.SignedIn;
import dev.gantry.domain.audit.AuditOutcome;
import dev.gantry.domain.audit.AuditRecord;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

/**
 * kill -9 of Gantry in the middle of a drill: the drill stays RUNNING and its scratch directory stays behind. The
 * sweep leaves it alone while it could still be alive (within its window plus the lease), then closes it as
 * INTERRUPTED, removes the scratch, audits it and publishes DrillFailed.
 */
abstract class DrillCrashIntegrationTests {

    @TempDir
    Path dir;

    abstract String databaseUrl(Path dir);

    @Test
    void aDrillKilledMidwayIsSweptToInterruptedAndItsScratchRemovedOnceItCannotBeAliveAnyMore() throws Exception {
        Path scratch = dir.resolve("scratch");
        List<String> properties = List.of("--spring.datasource.url=" + databaseUrl(dir),
                "--gantry.recovery.key-dir=" + dir.resolve("keys"), "--gantry.recovery.work-dir=" + dir.resolve("work"),
                "--gantry.recovery.backup.lease=PT30S", "--logging.level.root=warn");
        // A duration of its own, so the check below finds this drill's process and not another build's.
        String check = "sleep 600." + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);

        Process child = child(properties, scratch, check);
        UUID point = null;
        UUID drillPlan = null;
        UUID killed = null;
        try (var lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("POINT ")) {
                    point = BackupCrashMain.uuid(line);
                } else if (line.startsWith("DRILLPLAN ")) {
                    drillPlan = BackupCrashMain.uuid(line);
                } else if (line.startsWith("DRILLING ")) {
                    killed = BackupCrashMain.uuid(line);
                    child.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
                    child.toHandle().destroyForcibly();
                    break;
                }
            }
        }
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        assertThat(killed).as("the child reported a running drill").isNotNull();
        assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(check)))
                .as("the drill's check died with it").isEmpty();
        assertThat(Files.list(scratch).toList()).as("the restored scratch was left behind").hasSize(1);

        var clock = new MutableClock(Instant.now());
        var failures = new CopyOnWriteArrayList<DrillFailed>();
        try (ConfigurableApplicationContext context = DrillCrashMain.start(clock, properties.toArray(String[]::new))) {
            context.addApplicationListener((ApplicationListener<ApplicationEvent>) event -> {
                if (event instanceof PayloadApplicationEvent<?> payload
                        && payload.getPayload() instanceof DrillFailed failed) {
                    failures.add(failed);
                }
            });
            RestoreDrills drills = context.getBean(RestoreDrills.class);
            BackupService backups = context.getBean(BackupService.class);
            RecordingAuditTrail audit = context.getBean(RecordingAuditTrail.class);
            UUID drill = killed;

            Instant started = SignedIn.as("ops", "ADMIN", () -> drills.report(drill)).startedAt();
            Duration lease = Duration.ofSeconds(30);

            clock.set(started.plus(DrillCrashMain.WINDOW));
            assertThat(SignedIn.as("ops", "ADMIN", drills::sweepInterrupted))
                    .as("within its window the drill may still be running on a live node").isEmpty();
            clock.set(started.plus(DrillCrashMain.WINDOW).plus(lease).minusSeconds(1));
            assertThat(SignedIn.as("ops", "ADMIN", drills::sweepInterrupted))
                    .as("the lease covers cleanup and the final commit").isEmpty();
            clock.advance(Duration.ofSeconds(2));

            List<DrillReport> swept = SignedIn.as("ops", "ADMIN", drills::sweepInterrupted);

            assertThat(swept).extracting(DrillReport::drillId).containsExactly(drill);
            DrillReport report = SignedIn.as("ops", "ADMIN", () -> drills.report(drill));
            assertThat(report.verdict()).isInstanceOfSatisfying(DrillVerdict.Interrupted.class, interrupted ->
                    assertThat(interrupted.reason()).startsWith("interrupted: the node running it stopped"));
            assertThat(report.verdict().restorable()).isFalse();
            assertThat(report.cleanupProblem()).isNull();
            assertThat(scratch).as("the scratch target it left is removed").isEmptyDirectory();
            assertThat(audit.recordsFor("drill:" + drill)).singleElement().satisfies(record -> {
                assertThat(record.action()).isEqualTo("recovery.drill.interrupted");
                assertThat(record.outcome()).isEqualTo(AuditOutcome.FAILURE);
            });
            assertThat(failures).singleElement().satisfies(event -> {
                assertThat(event.drillId()).isEqualTo(drill);
                assertThat(event.verdict()).isEqualTo("INTERRUPTED");
            });
            UUID drilledPoint = point;
            UUID plan = drillPlan;
            assertThat(SignedIn.as("ops", "ADMIN", () -> backups.point(drilledPoint)).latestDrillPassed())
                    .as("an interrupted drill says nothing about the backup").isNull();
            assertThat(SignedIn.as("ops", "ADMIN", () -> drills.reports(plan, 10))).singleElement()
                    .extracting(DrillReport::verdict).isInstanceOf(DrillVerdict.Interrupted.class);
            assertThat(SignedIn.as("ops", "ADMIN", drills::sweepInterrupted)).as("closed once").isEmpty();
        }
    }

    private Process child(List<String> properties, Path scratch, String check) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        var command = new ArrayList<>(List.of(java.toString(), "-Xmx384m", "--enable-native-access=ALL-UNNAMED",
                "-Dcrash.locations=" + dir.resolve("backups"), "-Dcrash.scratch=" + scratch, "-Dcrash.check=" + check,
                "-cp", System.getProperty("java.class.path"), DrillCrashMain.class.getName()));
        command.addAll(properties);
        return new ProcessBuilder(command).redirectError(dir.resolve("child.log").toFile()).start();
    }
}
