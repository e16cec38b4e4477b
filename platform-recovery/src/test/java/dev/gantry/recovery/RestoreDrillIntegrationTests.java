package dev.gantry.recovery;

import static dev.gantry.recovery.RecoveryFixtures.command;
import static dev.gantry.recovery.RecoveryFixtures.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.access.testing.AuditAndClockTestConfiguration;
import dev.gantry.access.testing.MutableClock;
import dev.gantry.access.testing.RecordingAuditTrail;
import dev.gantry.access.testing.SignedIn;
import dev.gantry.domain.InvalidInputException;
import dev.gantry.domain.audit.AuditRecord;
import dev.gantry.recovery.internal.keys.PassphraseEscrow;
import dev.gantry.recovery.internal.store.Codec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@SpringBootTest(classes = RecoveryTestApplication.class)
@Import({AuditAndClockTestConfiguration.class, DrillPolicyTestConfiguration.class})
@RecordApplicationEvents
@WithMockUser(username = "ada", roles = "ADMIN")
abstract class RestoreDrillIntegrationTests {

    static final String WEEKLY = "0 0 3 * * MON";
    static final String PASSPHRASE = "correct horse battery staple";

    @Autowired
    BackupPlans backupPlans;
    @Autowired
    BackupService backups;
    @Autowired
    DrillPlans drillPlans;
    @Autowired
    RestoreDrills drills;
    @Autowired
    KeyEscrow escrow;
    @Autowired
    RestoreOnDemand restores;
    @Autowired
    RecordingAuditTrail audit;
    @Autowired
    MutableClock clock;
    @Autowired
    ApplicationEvents events;
    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    /** A new scratch database of the kind Gantry's own database restores into. */
    abstract ScratchSpec databaseScratch(Path parent);

    @BeforeEach
    void reset() {
        audit.clear();
    }

    @Test
    void aDrillRestoresTheLatestBackupIntoANewDatabaseChecksItAndRemovesIt() {
        BackupPlan plan = backupPlans.create(plan("db-" + suffix(), new SourceSpec.GantryDatabase(), dir.resolve("a")));
        long plansAtBackup = jdbc.sql("select count(*) from recovery_backup_plan").query(Long.class).single();
        BackupPoint point = backups.runPlan(plan.id());
        DrillPlan drillPlan = drillPlans.create(drill("db-drill-" + suffix(), plan, databaseScratch(dir),
                new Validation.MatchesExpectation(), new Validation.SqlAssertion("plans",
                        "select count(*) from recovery_backup_plan", Long.toString(plansAtBackup))));
        clock.advance(Duration.ofMinutes(30));

        DrillReport report = drills.runDrill(drillPlan.id());

        assertThat(report.verdict()).isInstanceOf(DrillVerdict.Passed.class);
        assertThat(report.pointId()).isEqualTo(point.id());
        assertThat(report.checks()).extracting(CheckResult::name)
                .containsExactly("restore", "matches the recorded expectation", "plans");
        assertThat(report.checks()).allMatch(CheckResult::passed);
        assertThat(report.rpoAchieved()).isEqualTo(Duration.ofMinutes(30));
        assertThat(report.rtoAchieved()).isPositive().isLessThan(Duration.ofHours(1));
        assertThat(report.objectives().source()).isEqualTo(DrillPolicyTestConfiguration.SOURCE);
        assertThat(report.cleanupProblem()).isNull();
        assertThat(drills.report(report.drillId())).usingRecursiveComparison()
                .ignoringFields("checks.took", "rtoAchieved", "verdict").isEqualTo(report);
        assertThat(backups.point(point.id()).latestDrillPassed()).isTrue();
        assertThat(audit.recordsFor("drill:" + report.drillId())).extracting(AuditRecord::action)
                .containsExactly("recovery.drill.started", "recovery.drill.finished");
        assertThat(events.stream(DrillFailed.class)).isEmpty();
    }

    @Test
    void aDrillWhoseDataFailsValidationIsFailedAndRpoFallsBackToThePreviousPassingBackup() {
        BackupPlan plan = backupPlans.create(plan("rows-" + suffix(), new SourceSpec.GantryDatabase(), dir.resolve("a")));
        DrillPlan drillPlan = drillPlans.create(drill("rows-drill-" + suffix(), plan, databaseScratch(dir),
                new Validation.MatchesExpectation()));
        BackupPoint first = backups.runPlan(plan.id());
        assertThat(drills.runDrill(drillPlan.id()).verdict()).isInstanceOf(DrillVerdict.Passed.class);
        clock.advance(Duration.ofHours(2));
        BackupPoint second = backups.runPlan(plan.id());
        pretendTheDumpLostARow(second.id(), "recovery_backup_plan");
        clock.advance(Duration.ofMinutes(10));

        DrillReport report = drills.runDrill(drillPlan.id());

        assertThat(report.pointId()).isEqualTo(second.id());
        assertThat(report.checks().getFirst().passed()).as("the restore itself worked").isTrue();
        assertThat(report.verdict()).isInstanceOfSatisfying(DrillVerdict.Failed.class, failed ->
                assertThat(failed.firstFailedCheck()).startsWith("matches the recorded expectation: ")
                        .containsIgnoringCase("recovery_backup_plan has "));
        assertThat(report.rpoAchieved()).as("back to the first backup, whose drill passed")
                .isEqualTo(Duration.between(first.createdAt(), clock.instant()));
        assertThat(backups.point(second.id()).latestDrillPassed()).isFalse();
        assertThat(events.stream(DrillFailed.class)).singleElement().satisfies(event -> {
            assertThat(event.drillId()).isEqualTo(report.drillId());
            assertThat(event.verdict()).isEqualTo("FAILED");
            assertThat(event.serviceId()).isEqualTo(plan.draft().serviceId());
        });
    }

    @Test
    void aDrillPastItsWindowIsTimedOutItsWorkKilledAndItsScratchRemoved() {
        BackupPlan plan = backupPlans.create(plan("slow-" + suffix(), command("seq 1 1000"), dir.resolve("a")));
        backups.runPlan(plan.id());
        // A duration of its own, so the check below finds this drill's process and not another build's.
        String sleep = "sleep 120." + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        DrillPlan drillPlan = drillPlans.create(new DrillPlanDraft("slow-drill-" + suffix(), plan.id(), WEEKLY,
                DrillPlanDraft.Selection.LATEST, null, new ScratchSpec.NewDirectory(dir.resolve("scratch").toString()),
                List.of(new Validation.MatchesExpectation(), new Validation.CommandCheck("never ends",
                        List.of("sh", "-c", sleep))), Duration.ofSeconds(2)));
        long start = System.nanoTime();

        DrillReport report = drills.runDrill(drillPlan.id());

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        assertThat(report.verdict()).isEqualTo(new DrillVerdict.TimedOut(Duration.ofSeconds(2)));
        assertThat(drills.report(report.drillId()).verdict()).isEqualTo(report.verdict());
        assertThat(report.checks()).extracting(CheckResult::name).startsWith("restore", "matches the recorded expectation");
        assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(sleep)))
                .as("the validation command was killed").isEmpty();
        assertThat(dir.resolve("scratch")).isEmptyDirectory();
        assertThat(events.stream(DrillFailed.class)).singleElement()
                .extracting(DrillFailed::verdict).isEqualTo("TIMED_OUT");
    }

    @Test
    void aDrillSlowerThanTheRecoveryTimeObjectivePassesWithAnRtoBreach() {
        var draft = plan("rto-" + suffix(), command("seq 1 1000"), dir.resolve("a"));
        BackupPlan plan = backupPlans.create(new BackupPlanDraft(draft.serviceId(), draft.serviceName(), draft.name(),
                draft.source(), draft.cron(), draft.locations(), draft.keep(), null, Duration.ofMillis(100),
                draft.grace()));
        backups.runPlan(plan.id());
        DrillPlan drillPlan = drillPlans.create(new DrillPlanDraft("rto-drill-" + suffix(), plan.id(), WEEKLY,
                DrillPlanDraft.Selection.LATEST, null, new ScratchSpec.NewDirectory(dir.resolve("scratch").toString()),
                List.of(new Validation.MatchesExpectation(), new Validation.CommandCheck("slow check",
                        List.of("sh", "-c", "sleep 0.4; test -s stream"))), Duration.ofMinutes(1)));

        DrillReport report = drills.runDrill(drillPlan.id());

        assertThat(report.verdict()).isInstanceOfSatisfying(DrillVerdict.PassedWithRtoBreach.class, breach -> {
            assertThat(breach.objective()).isEqualTo(Duration.ofMillis(100));
            assertThat(breach.rto()).isGreaterThan(Duration.ofMillis(400));
        });
        assertThat(report.verdict().restorable()).isTrue();
        assertThat(events.stream(RtoBreached.class)).singleElement().satisfies(event ->
                assertThat(event.achieved()).isEqualTo(report.rtoAchieved()));
    }

    @Test
    void aDrillScheduleLessFrequentThanThePolicyRequiresIsRefused() {
        BackupPlan plan = backupPlans.create(plan("often-" + suffix(), command("echo"), dir.resolve("a")));
        var scratch = new ScratchSpec.NewDirectory(dir.toString());

        assertThatThrownBy(() -> drillPlans.create(new DrillPlanDraft("monthly-" + suffix(), plan.id(),
                "0 0 3 1 * *", DrillPlanDraft.Selection.LATEST, null, scratch,
                List.of(new Validation.MatchesExpectation()), Duration.ofMinutes(5))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("cron");
                    assertThat(e.getMessage()).contains("P30D", DrillPolicyTestConfiguration.SOURCE);
                });
        assertThatThrownBy(() -> drillPlans.create(new DrillPlanDraft("wrong-target-" + suffix(), plan.id(), WEEKLY,
                DrillPlanDraft.Selection.LATEST, null, new ScratchSpec.NewH2File(dir.toString()),
                List.of(new Validation.MatchesExpectation()), Duration.ofMinutes(5))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("scratch"));
        assertThat(drillPlans.create(new DrillPlanDraft("weekly-" + suffix(), plan.id(), WEEKLY,
                DrillPlanDraft.Selection.LATEST, null, scratch, List.of(new Validation.MatchesExpectation()),
                Duration.ofMinutes(5))).draft().cron()).isEqualTo(WEEKLY);
    }

    @Test
    void randomSelectionIsReproducibleFromItsRecordedSeed() {
        BackupPlan plan = backupPlans.create(plan("random-" + suffix(), command("date +%N"), dir.resolve("a")));
        for (int i = 0; i < 5; i++) {
            backups.runPlan(plan.id());
            clock.advance(Duration.ofMinutes(1));
        }
        DrillPlan drillPlan = drillPlans.create(new DrillPlanDraft("random-drill-" + suffix(), plan.id(), WEEKLY,
                DrillPlanDraft.Selection.RANDOM, Duration.ofHours(1),
                new ScratchSpec.NewDirectory(dir.resolve("scratch").toString()),
                List.of(new Validation.MatchesExpectation()), Duration.ofMinutes(1)));

        DrillReport first = drills.runDrill(drillPlan.id());
        DrillReport again = drills.runDrill(drillPlan.id(), first.seed());

        assertThat(again.pointId()).isEqualTo(first.pointId());
        assertThat(again.seed()).isEqualTo(first.seed());
        assertThat(java.util.stream.LongStream.range(0, 20)
                .mapToObj(seed -> drills.runDrill(drillPlan.id(), seed).pointId()).distinct().count())
                .as("different seeds reach different backups").isGreaterThan(1);
    }

    @Test
    void anEscrowDrillRestoresWithOnlyTheEscrowedKeysAndFailsWithoutThemOrWithTheWrongOnes() throws Exception {
        BackupPlan plan = backupPlans.create(plan("escrow-" + suffix(), command("seq 1 5000"), dir.resolve("a")));
        backups.runPlan(plan.id());
        DrillPlan drillPlan = drillPlans.create(new DrillPlanDraft("escrow-drill-" + suffix(), plan.id(), WEEKLY,
                DrillPlanDraft.Selection.LATEST, null, new ScratchSpec.NewDirectory(dir.resolve("scratch").toString()),
                List.of(new Validation.MatchesExpectation()), Duration.ofMinutes(1)));
        EscrowedKey escrowed = escrow.export(PASSPHRASE.toCharArray());
        assertThat(escrowed.text()).doesNotContain(PASSPHRASE);
        assertThat(audit.recordsFor("backup-key:" + escrowed.keyId())).extracting(AuditRecord::action)
                .containsExactly("recovery.key.escrowed");

        var unwrapped = PassphraseEscrow.unwrap(escrowed.text(), PASSPHRASE.toCharArray());

        DrillReport good = drills.runEscrowDrill(drillPlan.id(), escrowed.text(), PASSPHRASE.toCharArray());
        DrillReport wrongPassphrase = drills.runEscrowDrill(drillPlan.id(), escrowed.text(),
                "not the passphrase at all".toCharArray());
        var otherKey = BackupKey.of(escrowed.keyId(), new byte[32]);
        DrillReport wrongKey = drills.runEscrowDrill(drillPlan.id(),
                PassphraseEscrow.wrap(otherKey, unwrapped.manifestKey(), PASSPHRASE.toCharArray()).text(),
                PASSPHRASE.toCharArray());
        var otherSigner = ManifestSigning.newKeyPair().getPublic();
        DrillReport wrongSigner = drills.runEscrowDrill(drillPlan.id(),
                PassphraseEscrow.wrap(unwrapped.key(), otherSigner, PASSPHRASE.toCharArray()).text(),
                PASSPHRASE.toCharArray());
        DrillReport earlierKey = drills.runEscrowDrill(drillPlan.id(), PassphraseEscrow.wrap(
                BackupKey.of("gantry-backup-earlier", new byte[32]), unwrapped.manifestKey(),
                PASSPHRASE.toCharArray()).text(), PASSPHRASE.toCharArray());
        DrillReport missing = drills.runEscrowDrill(drillPlan.id(), "", new char[0]);

        assertThat(good.kind()).isEqualTo(DrillReport.Kind.ESCROW);
        assertThat(good.verdict()).isInstanceOf(DrillVerdict.Passed.class);
        assertThat(good.checks()).extracting(CheckResult::name).containsExactly("escrow on record",
                "escrowed key unwraps", "escrow's signing key", "restore", "matches the recorded expectation");
        assertThat(wrongPassphrase.verdict()).isEqualTo(new DrillVerdict.Failed(
                "escrowed key unwraps: the passphrase does not open this escrow, or the escrow was altered"));
        assertThat(wrongKey.verdict()).isInstanceOfSatisfying(DrillVerdict.Failed.class,
                failed -> assertThat(failed.firstFailedCheck()).startsWith("restore: WrongKeyException"));
        assertThat(wrongSigner.verdict()).isEqualTo(new DrillVerdict.Failed("escrow's signing key: the escrow's "
                + "signing key did not sign this backup's manifest (escrowed signing key "
                + ManifestSigning.fingerprint(otherSigner) + ")"));
        assertThat(earlierKey.verdict()).isEqualTo(new DrillVerdict.Failed("escrow covers the backup's key: this "
                + "escrow covers backup key gantry-backup-earlier but the backup was written under key "
                + escrowed.keyId() + ": use the escrow exported while " + escrowed.keyId() + " was current"));
        assertThat(missing.verdict()).isEqualTo(new DrillVerdict.Failed("escrowed key unwraps: no escrow was supplied"));
    }

    @Test
    void anEscrowDrillForAKeyThatWasNeverEscrowedFails() {
        BackupPlan plan = backupPlans.create(plan("no-escrow-" + suffix(), command("echo"), dir.resolve("a")));
        BackupPoint point = backups.runPlan(plan.id());
        jdbc.sql("delete from recovery_key_escrow where key_id = ?").param(point.keyId()).update();
        DrillPlan drillPlan = drillPlans.create(new DrillPlanDraft("no-escrow-drill-" + suffix(), plan.id(), WEEKLY,
                DrillPlanDraft.Selection.LATEST, null, new ScratchSpec.NewDirectory(dir.resolve("scratch").toString()),
                List.of(new Validation.MatchesExpectation()), Duration.ofMinutes(1)));

        DrillReport report = drills.runEscrowDrill(drillPlan.id(), "anything", PASSPHRASE.toCharArray());

        assertThat(report.verdict()).isEqualTo(new DrillVerdict.Failed("escrow on record: no escrow of backup key "
                + point.keyId() + " was ever exported"));
    }

    @Test
    void onlyAnAdministratorRestoresOnDemandAndTheRestoredCopyStays() throws Exception {
        BackupPlan plan = backupPlans.create(plan("demand-" + suffix(), command("seq 1 20000"), dir.resolve("a")));
        BackupPoint point = backups.runPlan(plan.id());
        var target = new ScratchSpec.NewDirectory(dir.resolve("restores").toString());

        assertThatThrownBy(() -> SignedIn.as("eve", "ENGINEER", () -> restores.restore(point.id(), target, b -> { })))
                .isInstanceOf(AccessDeniedException.class);
        var seen = new java.util.concurrent.atomic.AtomicLong();
        RestoreResult result = restores.restore(point.id(), target, seen::set);

        assertThat(result.expectation().passed()).isTrue();
        assertThat(result.bytes()).isEqualTo(point.bytesDone()).isEqualTo(seen.get());
        Path restored = Files.list(dir.resolve("restores")).findFirst().orElseThrow();
        assertThat(Files.readString(restored.resolve("stream"))).startsWith("1\n2\n3\n");
        assertThat(audit.recordsFor("backup-point:" + point.id())).extracting(AuditRecord::actor, AuditRecord::action)
                .contains(org.assertj.core.groups.Tuple.tuple("eve", "recovery.restore.denied"),
                        org.assertj.core.groups.Tuple.tuple("ada", "recovery.restore.started"),
                        org.assertj.core.groups.Tuple.tuple("ada", "recovery.restore.finished"));
    }

    private void pretendTheDumpLostARow(UUID pointId, String table) {
        String stored = jdbc.sql("select expectation from recovery_backup_point where id = ?").param(pointId)
                .query(String.class).single();
        var rows = new TreeMap<>(((RestoreExpectation.TableRows) Codec.decodeExpectation(stored)).rowsByTable());
        String key = rows.keySet().stream().filter(k -> k.equalsIgnoreCase("public." + table)).findFirst().orElseThrow();
        rows.put(key, rows.get(key) + 1);
        jdbc.sql("update recovery_backup_point set expectation = ? where id = ?")
                .params(Codec.encode(new RestoreExpectation.TableRows(rows)), pointId).update();
    }

    static DrillPlanDraft drill(String name, BackupPlan plan, ScratchSpec scratch, Validation... validations) {
        return new DrillPlanDraft(name, plan.id(), WEEKLY, DrillPlanDraft.Selection.LATEST, null, scratch,
                List.of(validations), Duration.ofMinutes(5));
    }

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

}
