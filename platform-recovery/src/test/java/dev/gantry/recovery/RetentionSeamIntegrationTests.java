package dev.gantry.recovery;

import static dev.gantry.recovery.RecoveryFixtures.command;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.access.testing.AuditAndClockTestConfiguration;
import dev.gantry.access.testing.MutableClock;
import dev.gantry.access.testing.RecordingAuditTrail;
import dev.gantry.access.testing.ScratchDirectories;
import dev.gantry.access.testing.TestDatabases;
import dev.gantry.domain.audit.AuditRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import java.util.LinkedHashMap;
import java.util.List;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The seam the retention calculator plugs into: whatever {@link BackupRetention} decides is applied after each
 * complete backup. The calculator here keeps the newest {@code last} points only; the real one lives elsewhere.
 */
@SpringBootTest(classes = RecoveryTestApplication.class)
@Import({AuditAndClockTestConfiguration.class, RetentionSeamIntegrationTests.KeepNewest.class})
@WithMockUser(username = "ada", roles = "ADMIN")
class RetentionSeamIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabases.h2File(ScratchDirectories.create("gantry-retain")));
        RecoveryFixtures.keysAndWork(registry, "gantry-retain-keys");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class KeepNewest {
        @Bean
        @org.springframework.context.annotation.Primary
        BackupRetention retention() {
            return (rules, points, now) -> {
                var keep = new LinkedHashMap<UUID, String>();
                points.stream().limit(rules.last()).forEach(p -> keep.put(p.pointId(), "last"));
                return keep;
            };
        }
    }

    @Autowired
    BackupPlans plans;
    @Autowired
    BackupService backups;
    @Autowired
    RecordingAuditTrail audit;
    @Autowired
    MutableClock clock;

    @TempDir
    Path dir;

    @Test
    void pointsTheRetentionCalculatorDoesNotKeepAreDeletedFromEveryLocationAndExpire() throws Exception {
        var draft = RecoveryFixtures.plan("retained", command("date +%N"), dir.resolve("a"), dir.resolve("b"));
        BackupPlan plan = plans.create(new BackupPlanDraft(draft.serviceId(), draft.serviceName(), draft.name(),
                draft.source(), draft.cron(), draft.locations(), new KeepRules(2, 0, 0, 0, 0, 0, null), null, null,
                draft.grace()));
        var made = new java.util.ArrayList<BackupPoint>();
        for (int i = 0; i < 3; i++) {
            made.add(backups.runPlan(plan.id()));
            clock.advance(Duration.ofHours(1));
        }

        List<BackupPoint> points = backups.points(plan.id(), 10);

        assertThat(points).extracting(BackupPoint::state)
                .containsExactly(PointState.SUCCEEDED, PointState.SUCCEEDED, PointState.EXPIRED);
        assertThat(points).extracting(BackupPoint::keptBy).containsExactly("last", "last", null);
        for (String location : List.of("a", "b")) {
            assertThat(Files.list(dir.resolve(location)).map(p -> p.getFileName().toString()))
                    .noneMatch(name -> name.startsWith(made.getFirst().archiveName()))
                    .hasSize(4);
        }
        assertThat(audit.recordsFor("backup-point:" + made.getFirst().id())).extracting(AuditRecord::action)
                .endsWith("recovery.backup.expired");
    }

}
