package dev.gantry.recovery;

import static dev.gantry.recovery.RecoveryFixtures.command;
import static dev.gantry.recovery.RecoveryFixtures.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.access.testing.AuditAndClockTestConfiguration;
import dev.gantry.access.testing.MutableClock;
import dev.gantry.access.testing.RecordingAuditTrail;
import dev.gantry.access.testing.SignedIn;
import dev.gantry.domain.audit.AuditOutcome;
import dev.gantry.domain.audit.AuditRecord;
import dev.gantry.recovery.internal.store.PointStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@SpringBootTest(classes = RecoveryTestApplication.class)
@Import(AuditAndClockTestConfiguration.class)
@RecordApplicationEvents
@WithMockUser(username = "ada", roles = "ADMIN")
abstract class BackupServiceIntegrationTests {

    @Autowired
    BackupPlans plans;
    @Autowired
    BackupService backups;
    @Autowired
    RecordingAuditTrail audit;
    @Autowired
    MutableClock clock;
    @Autowired
    ApplicationEvents events;

    @Autowired
    PointStore points;

    @TempDir
    Path dir;

    @BeforeEach
    void reset() {
        audit.clear();
    }

    @Test
    void aBackupLeftRunningByAStoppedNodeIsSweptToFailedOnceItsHeartbeatIsOlderThanTheLease() {
        BackupPlan plan = plans.create(plan("swept-" + suffix(), command("seq 1 10"), dir.resolve("a")));
        UUID orphan = UUID.randomUUID();
        points.insertRunning(orphan, plan.id(), "swept-orphan", PayloadFormat.COMMAND_STREAM, clock.instant(),
                "a node that stopped");

        // The lease of these tests is one minute.
        clock.advance(Duration.ofSeconds(50));
        assertThat(backups.sweepAbandoned()).as("within the lease it may still be alive")
                .extracting(BackupPoint::id).doesNotContain(orphan);
        assertThat(backups.point(orphan).state()).isEqualTo(PointState.RUNNING);

        clock.advance(Duration.ofSeconds(20));
        assertThat(backups.sweepAbandoned()).extracting(BackupPoint::id).contains(orphan);

        BackupPoint swept = backups.point(orphan);
        assertThat(swept.state()).isEqualTo(PointState.FAILED);
        assertThat(swept.failure()).startsWith("abandoned: no heartbeat");
        assertThat(audit.recordsFor("backup-point:" + orphan)).extracting(AuditRecord::action)
                .containsExactly("recovery.backup.abandoned");
        assertThat(backups.sweepAbandoned()).as("closed once").extracting(BackupPoint::id).doesNotContain(orphan);
    }

    @Test
    void aPlanBacksUpGantrysOwnDatabaseToBothLocationsAndRecordsTheRowCountsToExpect() throws Exception {
        BackupPlan plan = plans.create(plan("own-db-" + suffix(), new SourceSpec.GantryDatabase(),
                dir.resolve("a"), dir.resolve("b")));

        BackupPoint point = backups.runPlan(plan.id());

        assertThat(point.state()).isEqualTo(PointState.SUCCEEDED);
        assertThat(point.countsTowardRpo()).isTrue();
        assertThat(point.verified()).as("both copies read back whole").isTrue();
        assertThat(point.locationsSucceeded()).isEqualTo(2);
        assertThat(point.createdAt()).isEqualTo(clock.instant());
        for (String location : List.of("a", "b")) {
            assertThat(Files.list(dir.resolve(location)).map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(point.archiveName(), point.archiveName() + ".manifest");
        }
        assertThat(audit.recordsFor("backup-point:" + point.id())).extracting(AuditRecord::action)
                .containsExactly("recovery.backup.started", "recovery.backup.succeeded");
        assertThat(audit.recordsFor("backup-plan:" + plan.id())).extracting(AuditRecord::action)
                .containsExactly("recovery.plan.created");
    }

    @Test
    void aBackupThatReachesOnlyOneOfTwoLocationsIsPartiallyFailedAndNeverCountsTowardRpo() throws Exception {
        Path blocked = Files.writeString(dir.resolve("not-a-directory"), "a file where a directory should be");
        BackupPlan plan = plans.create(plan("partial-" + suffix(), command("seq 1 50000"), dir.resolve("good"),
                blocked.resolve("backups")));

        BackupPoint point = backups.runPlan(plan.id());

        assertThat(point.state()).isEqualTo(PointState.PARTIALLY_FAILED);
        assertThat(point.locationsSucceeded()).isEqualTo(1);
        assertThat(point.locationsFailed()).isEqualTo(1);
        assertThat(point.countsTowardRpo()).isFalse();
        assertThat(point.failure()).contains("not-a-directory");
        assertThat(Files.list(dir.resolve("good"))).hasSize(2);
        assertThat(audit.recordsFor("backup-point:" + point.id()).getLast())
                .extracting(AuditRecord::action, AuditRecord::outcome)
                .containsExactly("recovery.backup.partially-failed", AuditOutcome.FAILURE);

        clock.advance(Duration.ofMinutes(75));
        assertThat(backups.checkSchedules()).extracting(RpoBreached::backupPlanId).contains(plan.id());
        RpoBreached breach = events.stream(RpoBreached.class).filter(e -> e.backupPlanId().equals(plan.id()))
                .findFirst().orElseThrow();
        assertThat(breach.lastGoodBackupAt()).as("the partial backup does not count").isNull();
    }

    @Test
    void noSuccessfulBackupWithinTheIntervalPlusGracePublishesRpoBreachedOnce() {
        BackupPlan plan = plans.create(plan("missed-" + suffix(), command("echo data"), dir.resolve("a")));
        clock.advance(Duration.ofHours(1).minus(Duration.ofSeconds(clock.instant().getEpochSecond() % 3600)));
        BackupPoint last = backups.runPlan(plan.id());

        clock.advance(Duration.ofMinutes(69));
        assertThat(backups.checkSchedules()).noneMatch(b -> b.backupPlanId().equals(plan.id()));

        clock.advance(Duration.ofMinutes(2));
        List<RpoBreached> breaches = backups.checkSchedules().stream()
                .filter(b -> b.backupPlanId().equals(plan.id())).toList();
        assertThat(breaches).singleElement().satisfies(breach -> {
            assertThat(breach.cause()).isEqualTo(RpoBreached.Cause.MISSED_SCHEDULE);
            assertThat(breach.lastGoodBackupAt()).isEqualTo(last.createdAt());
            assertThat(breach.deadline()).isEqualTo(last.createdAt().plus(Duration.ofMinutes(70)));
            assertThat(breach.serviceId()).isEqualTo(plan.draft().serviceId());
        });
        assertThat(events.stream(RpoBreached.class).filter(e -> e.backupPlanId().equals(plan.id()))).hasSize(1);

        clock.advance(Duration.ofMinutes(5));
        assertThat(backups.checkSchedules()).as("reported once per missed deadline")
                .noneMatch(b -> b.backupPlanId().equals(plan.id()));
        backups.runPlan(plan.id());
        assertThat(backups.checkSchedules()).noneMatch(b -> b.backupPlanId().equals(plan.id()));
    }

    @Test
    void theBytesDoneAreObservableWhileABackupRuns() throws Exception {
        BackupPlan plan = plans.create(plan("progress-" + suffix(),
                command("head -c 3000000 /dev/zero; sleep 3; head -c 1000 /dev/zero"), dir.resolve("a")));
        var context = org.springframework.security.core.context.SecurityContextHolder.getContext();

        CompletableFuture<BackupPoint> run = CompletableFuture.supplyAsync(() -> {
            org.springframework.security.core.context.SecurityContextHolder.setContext(context);
            return backups.runPlan(plan.id());
        });
        long seen = 0;
        for (int i = 0; i < 100 && seen < 3_000_000; i++) {
            Thread.sleep(50);
            seen = backups.progress(plan.id()).map(BackupProgress::bytesDone).orElse(0L);
        }

        assertThat(seen).isEqualTo(3_000_000);
        assertThat(run.get().bytesDone()).isEqualTo(3_001_000);
        assertThat(backups.progress(plan.id())).isEmpty();
    }

    @Test
    void aFailingSourceLeavesAFailedPointAndNothingPublished() throws Exception {
        BackupPlan plan = plans.create(plan("broken-" + suffix(), command("echo partial; exit 4"), dir.resolve("a")));

        BackupPoint point = backups.runPlan(plan.id());

        assertThat(point.state()).isEqualTo(PointState.FAILED);
        assertThat(point.failure()).contains("exited with 4");
        assertThat(Files.list(dir.resolve("a"))).isEmpty();
    }

    @Test
    void aViewerMayWatchButNotRunABackupAndTheRefusalIsAudited() {
        BackupPlan plan = plans.create(plan("viewer-" + suffix(), command("echo x"), dir.resolve("a")));

        assertThatThrownBy(() -> SignedIn.as("vic", "VIEWER", () -> backups.runPlan(plan.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(SignedIn.as("vic", "VIEWER", () -> backups.points(plan.id(), 10))).isEmpty();
        assertThatThrownBy(() -> SignedIn.as("vic", "VIEWER", () -> plans.create(plan("other-" + suffix(),
                command("echo"), dir.resolve("a"))))).isInstanceOf(AccessDeniedException.class);

        assertThat(audit.records()).filteredOn(r -> r.outcome() == AuditOutcome.DENIED)
                .extracting(AuditRecord::actor, AuditRecord::action)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("vic", "recovery.backup.denied"),
                        org.assertj.core.groups.Tuple.tuple("vic", "recovery.plan.denied"));
    }

    @Test
    void aLocationThatHoldsTheBackupKeysIsRefusedAndNoPlanIsStored(
            @org.springframework.beans.factory.annotation.Value("${gantry.recovery.key-dir}") Path keys) {
        int before = plans.list().size();

        assertThatThrownBy(() -> plans.create(plan("keys-" + suffix(), command("echo x"), dir.resolve("a"),
                keys.getParent()))).isInstanceOfSatisfying(dev.gantry.domain.InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("locations"));
        assertThatThrownBy(() -> plans.create(plan("keys-" + suffix(), command("echo x"), keys)))
                .isInstanceOf(dev.gantry.domain.InvalidInputException.class);
        assertThat(plans.list()).hasSize(before);
    }

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
