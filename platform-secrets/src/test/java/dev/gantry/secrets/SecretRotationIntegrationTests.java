package dev.gantry.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.access.testing.Concurrently;
import dev.gantry.access.testing.MutableClock;
import dev.gantry.access.testing.RecordingAuditTrail;
import dev.gantry.domain.ConflictException;
import dev.gantry.domain.InvalidInputException;
import dev.gantry.domain.NotFoundException;
import dev.gantry.domain.audit.AuditOutcome;
import dev.gantry.domain.audit.AuditRecord;
import dev.gantry.domain.policy.RuleReference;
import dev.gantry.secrets.internal.seal.SealState;
import dev.gantry.secrets.internal.store.ReadTracker;
import dev.gantry.secrets.testing.RecordingAuditConfiguration;
import dev.gantry.secrets.testing.RotationTestConfiguration;
import dev.gantry.secrets.testing.RotationTestConfiguration.PackDefaults;
import dev.gantry.secrets.testing.TargetRotator;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Rotation's lifecycle, schedule, failures, convergence and revocation against a real database. */
@SpringBootTest(classes = SecretsTestApplication.class)
@Import({RecordingAuditConfiguration.class, RotationTestConfiguration.class})
@TestPropertySource(properties = {
        "gantry.secrets.rotation.retry.initial-delay=PT10M",
        "gantry.secrets.rotation.retry.max-delay=PT2H",
        "gantry.secrets.rotation.failures-before-alert=3",
        "gantry.secrets.rotation.claim-lease=PT5M",
        "gantry.secrets.rotation.expiry-reminders=P14D,P3D,P1D",
        "gantry.secrets.rotation.default-interval=P60D"})
@RecordApplicationEvents
@WithMockUser(username = "keeper", roles = "SECRETS_ADMIN")
abstract class SecretRotationIntegrationTests {

    static final String PATH = "payments/api/prod/db-password";
    static final Instant START = Instant.parse("2026-11-22T15:00:00Z");

    @Autowired
    SecretRotation rotation;

    @Autowired
    SecretVault vault;

    @Autowired
    VaultSeal seal;

    @Autowired
    SealState state;

    @Autowired
    TargetRotator target;

    @Autowired
    PackDefaults pack;

    @Autowired
    ReadTracker reads;

    @Autowired
    RecordingAuditTrail audit;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    ApplicationEvents events;

    @BeforeEach
    void aSecretTheTargetAccepts() {
        clock.set(START);
        VaultFixtures.wipe(jdbc, state);
        asSecretsAdmin(() -> VaultFixtures.initialisedAndUnsealed(seal));
        target.reset();
        pack.set(Optional.empty());
        reads.forget();
        write(PATH, "initial-credential");
        target.accept(PATH, "initial-credential");
        audit.clear();
    }

    @AfterEach
    void noFaultsLeft() {
        target.reset();
        audit.failFromNowOn(false);
    }

    @Test
    void rotationMovesCurrentToTheCandidateAndPreviousToTheVersionItReplaced() {
        rotation.setPolicy(policy(PATH));

        RotationOutcome outcome = rotation.rotateNow(PATH);

        assertThat(outcome).isInstanceOf(RotationOutcome.Rotated.class);
        assertThat(((RotationOutcome.Rotated) outcome).version()).isEqualTo(2);
        assertThat(((RotationOutcome.Rotated) outcome).previousVersion()).isEqualTo(1);
        SecretRead read = vault.read(PATH);
        assertThat(read.version()).isEqualTo(2);
        assertThat(valueOf(read)).isEqualTo(target.acceptedBy(PATH)).startsWith("candidate-");
        assertThat(labels()).containsExactlyInAnyOrderEntriesOf(Map.of("CURRENT", 2L, "PREVIOUS", 1L));
        assertThat(vault.metadata(PATH).currentVersion()).isEqualTo(2);
        assertThat(events.stream(SecretRotated.class)).singleElement()
                .satisfies(rotated -> assertThat(rotated.version()).isEqualTo(2));
    }

    @Test
    void rotationThatFailsItsTestKeepsCurrentVersion() {
        rotation.setPolicy(policy(PATH));
        target.refuseTests(1);

        RotationOutcome outcome = rotation.rotateNow(PATH);

        assertThat(outcome).isInstanceOfSatisfying(RotationOutcome.Failed.class, failed -> {
            assertThat(failed.step()).isEqualTo("test");
            assertThat(failed.consecutiveFailures()).isEqualTo(1);
            assertThat(failed.reason()).contains("[hidden]").doesNotContain("candidate-");
        });
        assertThat(valueOf(vault.read(PATH))).isEqualTo("initial-credential");
        assertThat(vault.read(PATH).version()).isEqualTo(1);
        assertThat(labels()).containsExactlyEntriesOf(Map.of("CURRENT", 1L));
        assertThat(vault.metadata(PATH).versions()).extracting(SecretVersionInfo::state)
                .containsExactly(VersionState.ACTIVE, VersionState.FAILED);
        assertThat(target.acceptedBy(PATH)).as("CURRENT was put back on the target").isEqualTo("initial-credential");
        assertThat(audit.records()).filteredOn(r -> r.action().equals("secret.rotation.failed")).singleElement()
                .satisfies(record -> {
                    assertThat(record.outcome()).isEqualTo(AuditOutcome.FAILURE);
                    assertThat(record.details()).containsEntry("step", "test")
                            .containsEntry("target", "CURRENT was set on the target again");
                });
    }

    @Test
    void rotationThatFailsToSetKeepsCurrentVersionAndMarksTheCandidateFailed() {
        rotation.setPolicy(policy(PATH));
        target.refuseSets(1);

        RotationOutcome outcome = rotation.rotateNow(PATH);

        assertThat(outcome).isInstanceOfSatisfying(RotationOutcome.Failed.class,
                failed -> assertThat(failed.step()).isEqualTo("set"));
        assertThat(valueOf(vault.read(PATH))).isEqualTo("initial-credential");
        assertThat(jdbc.queryForObject("select failed_at is not null from secret_version where version = 2",
                Boolean.class)).isTrue();
        assertThat(target.acceptedBy(PATH)).isEqualTo("initial-credential");
        assertThat(audit.records()).filteredOn(r -> r.action().equals("secret.rotation.failed")).singleElement()
                .satisfies(record -> assertThat(record.details()).containsEntry("target",
                        "the target still accepts CURRENT"));
    }

    @Test
    void aCandidateThatNeverBecameCurrentCannotBeReadEvenByItsVersionNumber() {
        rotation.setPolicy(policy(PATH));
        target.refuseTests(1);
        rotation.rotateNow(PATH);

        assertThatThrownBy(() -> vault.read(PATH, 2)).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("rotation candidate");
    }

    @Test
    void retriesMakeANewCandidateAndBackOffExponentiallyWithJitterUpToTheCap() {
        rotation.setPolicy(policy(PATH).withInterval(new RotationInterval("PT1H")));
        clock.advance(Duration.ofHours(2));
        target.refuseSets(10);
        List<Duration> waits = new ArrayList<>();
        for (int attempt = 1; attempt <= 6; attempt++) {
            RotationRun run = rotation.runDue();
            assertThat(run.failed()).as("attempt %d", attempt).isEqualTo(1);
            Instant next = rotation.status(PATH).nextAttemptAt();
            waits.add(Duration.between(clock.instant(), next));
            assertThat(rotation.runDue().failed()).as("no retry before the back-off ends").isZero();
            clock.set(next);
        }

        assertThat(target.candidates()).hasSize(6).doesNotHaveDuplicates();
        long[] nominalMinutes = {10, 20, 40, 80, 120, 120};
        for (int i = 0; i < waits.size(); i++) {
            assertThat(waits.get(i)).as("wait %d", i + 1)
                    .isBetween(Duration.ofMinutes(nominalMinutes[i]).dividedBy(2), Duration.ofMinutes(nominalMinutes[i]));
        }
        assertThat(valueOf(vault.read(PATH))).isEqualTo("initial-credential");
    }

    @Test
    void threeFailuresInARowPublishRotationFailingOnceAndShowAsFailing() {
        rotation.setPolicy(policy(PATH));
        target.refuseSets(5);

        rotation.rotateNow(PATH);
        rotation.rotateNow(PATH);
        assertThat(events.stream(RotationFailing.class)).isEmpty();
        assertThat(rotation.status(PATH).state()).isEqualTo(RotationState.RETRYING);
        rotation.rotateNow(PATH);
        rotation.rotateNow(PATH);

        assertThat(events.stream(RotationFailing.class)).singleElement().satisfies(failing -> {
            assertThat(failing.path()).isEqualTo(PATH);
            assertThat(failing.consecutiveFailures()).isEqualTo(3);
            assertThat(failing.lastFailure()).contains("refused");
        });
        RotationStatus status = rotation.status(PATH);
        assertThat(status.state()).isEqualTo(RotationState.FAILING);
        assertThat(status.consecutiveFailures()).isEqualTo(4);
        assertThat(rotation.overview(Duration.ofDays(7)).failing()).extracting(RotationStatus::path)
                .containsExactly(PATH);
    }

    @Test
    void aSuccessAfterFailuresEndsTheStreak() {
        rotation.setPolicy(policy(PATH));
        target.refuseSets(2);
        rotation.rotateNow(PATH);
        rotation.rotateNow(PATH);

        assertThat(rotation.rotateNow(PATH)).isInstanceOf(RotationOutcome.Rotated.class);

        RotationStatus status = rotation.status(PATH);
        assertThat(status.consecutiveFailures()).isZero();
        assertThat(status.state()).isEqualTo(RotationState.SCHEDULED);
        assertThat(status.currentVersion()).isEqualTo(4);
        assertThat(rotation.overview(Duration.ofDays(7)).failing()).isEmpty();
    }

    @Test
    void nextDueCountsFromWhenTheLastRotationActuallyCompleted() {
        rotation.setPolicy(policy(PATH).withInterval(new RotationInterval("P30D")));
        clock.advance(Duration.ofDays(31));
        target.refuseSets(1);
        rotation.runDue();
        clock.advance(Duration.ofDays(2));

        assertThat(rotation.runDue().rotated()).isEqualTo(1);

        Instant completed = clock.instant();
        assertThat(rotation.status(PATH).lastRotatedAt()).isEqualTo(completed);
        assertThat(rotation.status(PATH).nextDueAt()).isEqualTo(completed.plus(Duration.ofDays(30)));
        clock.advance(Duration.ofDays(29));
        assertThat(rotation.runDue().rotated()).isZero();
        clock.advance(Duration.ofDays(1));
        assertThat(rotation.runDue().rotated()).isEqualTo(1);
    }

    @Test
    void withoutAnIntervalThePolicyPacksMaximumAgeDecidesAndTheRotationRecordsItsRule() {
        RuleReference rule = new RuleReference("octoacme", "1.2.0", "rotate-credentials");
        pack.set(Optional.of(new RotationDefaults.MaximumAge(Period.ofDays(20), rule)));
        rotation.setPolicy(policy(PATH));

        assertThat(rotation.status(PATH).nextDueAt()).isEqualTo(START.plus(Duration.ofDays(20)));
        clock.advance(Duration.ofDays(20));
        assertThat(rotation.runDue().rotated()).isEqualTo(1);

        assertThat(audit.records()).filteredOn(r -> r.action().equals("secret.rotation.finished")).singleElement()
                .satisfies(record -> assertThat(record.details()).containsEntry("rule",
                        "octoacme@1.2.0#rotate-credentials"));
        pack.set(Optional.empty());
        assertThat(rotation.status(PATH).nextDueAt()).as("the configured default, P60D")
                .isEqualTo(clock.instant().plus(Duration.ofDays(60)));
    }

    @Test
    void aPolicyIntervalLongerThanThePacksMaximumAgeIsRefused() {
        pack.set(Optional.of(new RotationDefaults.MaximumAge(Period.ofDays(90),
                new RuleReference("octoacme", "1.2.0", "rotate-credentials"))));

        assertThatThrownBy(() -> rotation.setPolicy(policy(PATH).withInterval(new RotationInterval("P6M"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("octoacme@1.2.0#rotate-credentials").hasMessageContaining("P90D")
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("interval");
        assertThat(rotation.setPolicy(policy(PATH).withInterval(new RotationInterval("P30D"))).interval())
                .isEqualTo(new RotationInterval("P30D"));
    }

    @Test
    void theSecretsOwnPolicyWinsOverPrefixesAndTheLongestPrefixOverShorterOnes() {
        rotation.setPolicy(new RotationPolicy(RotationScope.PREFIX, "payments/", "password", RotatorParameters.none(),
                new RotationInterval("P30D"), null, Duration.ZERO, Duration.ZERO, true));
        rotation.setPolicy(new RotationPolicy(RotationScope.PREFIX, "payments/api/", "api-key",
                RotatorParameters.of("prefix", "pk_"), new RotationInterval("P7D"), null, Duration.ZERO,
                Duration.ZERO, true));
        rotation.setPolicy(policy(PATH));

        assertThat(rotation.policyFor(PATH)).get().extracting(RotationPolicy::rotator).isEqualTo("target");
        assertThat(rotation.policyFor("payments/api/staging/key")).get().extracting(RotationPolicy::rotator)
                .isEqualTo("api-key");
        assertThat(rotation.policyFor("payments/web/prod/x")).get().extracting(RotationPolicy::rotator)
                .isEqualTo("password");
        assertThat(rotation.policyFor("billing/web/prod/x")).isEmpty();
        write("payments/api/staging/key", "old-key");
        assertThat(rotation.rotateNow("payments/api/staging/key")).isInstanceOf(RotationOutcome.Rotated.class);
        assertThat(valueOf(vault.read("payments/api/staging/key"))).startsWith("pk_").hasSize(3 + 43);
    }

    @Test
    void scheduledRotationsStartOnlyInsideTheirWindow() {
        rotation.setPolicy(policy(PATH).withInterval(new RotationInterval("P1D"))
                .withWindow(new RotationWindow(LocalTime.of(23, 0), Duration.ofHours(2), ZoneOffset.UTC)));
        clock.set(Instant.parse("2026-11-24T12:00:00Z"));
        assertThat(rotation.status(PATH).state()).isEqualTo(RotationState.DUE);

        assertThat(rotation.runDue().rotated()).isZero();
        clock.set(Instant.parse("2026-11-25T00:30:00Z"));
        assertThat(rotation.runDue().rotated()).isEqualTo(1);
    }

    @Test
    void severalNodesRunningDueRotationsAtOnceRotateEachSecretExactlyOnce() throws Exception {
        List<String> paths = new ArrayList<>(List.of(PATH));
        for (int i = 1; i <= 5; i++) {
            String path = "payments/api/prod/key-" + i;
            write(path, "initial-" + i);
            target.accept(path, "initial-" + i);
            paths.add(path);
        }
        rotation.setPolicy(new RotationPolicy(RotationScope.PREFIX, "payments/api/", "target",
                RotatorParameters.none(), new RotationInterval("P7D"), null, Duration.ZERO, Duration.ZERO, true));
        clock.advance(Duration.ofDays(8));
        target.pauseEachStep(20);

        List<RotationRun> runs = Concurrently.run(3, () -> asSystem(rotation::runDue));

        assertThat(runs.stream().mapToInt(RotationRun::rotated).sum()).isEqualTo(paths.size());
        for (String path : paths) {
            assertThat(vault.read(path).version()).as(path).isEqualTo(2);
            assertThat(valueOf(vault.read(path))).isEqualTo(target.acceptedBy(path));
        }
        assertThat(audit.records()).filteredOn(r -> r.action().equals("secret.rotation.finished"))
                .hasSize(paths.size());
    }

    @Test
    void readersNeverSeeAPendingValueWhileRotationsRun() throws Exception {
        rotation.setPolicy(policy(PATH));
        target.pauseEachStep(3);
        AtomicBoolean rotating = new AtomicBoolean(true);
        ConcurrentLinkedQueue<long[]> seen = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> values = new ConcurrentLinkedQueue<>();
        ExecutorService readers = Executors.newFixedThreadPool(4);
        List<Future<Integer>> counts = new ArrayList<>();
        for (int r = 0; r < 4; r++) {
            counts.add(readers.submit(() -> asEngineer(() -> {
                int n = 0;
                while (rotating.get()) {
                    SecretRead read = vault.read(PATH);
                    seen.add(new long[] {read.version()});
                    values.add(read.version() + "=" + valueOf(read));
                    n++;
                }
                return n;
            })));
        }
        for (int i = 0; i < 12; i++) {
            if (i % 3 == 1) {
                target.refuseTests(1);
            }
            rotation.rotateNow(PATH);
        }
        rotating.set(false);
        int totalReads = 0;
        for (Future<Integer> count : counts) {
            totalReads += count.get(60, TimeUnit.SECONDS);
        }
        readers.shutdown();

        assertThat(totalReads).isGreaterThan(12);
        List<Long> everCurrent = jdbc.queryForList("select version from secret_version where current_since is not "
                + "null and failed_at is null", Long.class);
        List<Long> failed = jdbc.queryForList("select version from secret_version where failed_at is not null",
                Long.class);
        assertThat(failed).hasSize(4);
        assertThat(seen).extracting(version -> version[0]).allMatch(everCurrent::contains)
                .noneMatch(failed::contains);
        for (String entry : new java.util.HashSet<>(values)) {
            long version = Long.parseLong(entry.substring(0, entry.indexOf('=')));
            assertThat(entry.substring(entry.indexOf('=') + 1)).isEqualTo(valueOf(vault.read(PATH, version)));
        }
    }

    @Test
    void thePreviousCredentialIsRevokedOnlyAfterItsGracePeriodAndAQuietPeriodWithoutReads() {
        rotation.setPolicy(policy(PATH).withRevocation(Duration.ofHours(1), Duration.ofHours(2)));
        rotation.rotateNow(PATH);
        Instant rotatedAt = clock.instant();

        clock.set(rotatedAt.plus(Duration.ofMinutes(30)));
        assertThat(rotation.runDue().revoked()).as("inside the grace period").isZero();
        clock.set(rotatedAt.plus(Duration.ofMinutes(50)));
        asEngineer(() -> vault.read(PATH, 1));
        clock.set(rotatedAt.plus(Duration.ofMinutes(90)));
        assertThat(rotation.runDue().revoked()).as("read 40 minutes ago").isZero();
        clock.set(rotatedAt.plus(Duration.ofMinutes(50 + 120 + 2)));
        assertThat(rotation.runDue().revoked()).isEqualTo(1);

        assertThat(target.revoked()).containsExactly(PATH + "#initial-credential");
        assertThat(rotation.runDue().revoked()).as("revoked once").isZero();
        assertThat(audit.records()).filteredOn(r -> r.action().equals("secret.rotation.previous-revoked"))
                .singleElement().satisfies(record -> assertThat(record.details()).containsEntry("version", "1"));
    }

    @Test
    void aVersionHasNoReadRecordUntilItsFirstRead() {
        assertThat(lastReadOf(1)).as("written, never read").isEmpty();

        clock.set(START.plus(Duration.ofMinutes(7)));
        asEngineer(() -> vault.read(PATH));

        assertThat(lastReadOf(1)).containsExactly(START.plus(Duration.ofMinutes(7)));
    }

    @Test
    void aFirstReadRecordedByAnotherNodeAtTheSameMomentNeitherFailsTheReadNorLosesIt() throws Exception {
        var otherNodeInserted = new CountDownLatch(1);
        var otherNode = Executors.newSingleThreadExecutor().submit(() -> new TransactionTemplate(transactionManager)
                .executeWithoutResult(status -> {
                    jdbc.update("insert into secret_version_read (version_id, last_read_at) select id, ? from"
                            + " secret_version where version = 1", java.sql.Timestamp.from(START));
                    otherNodeInserted.countDown();
                    // Uncommitted until after this node's read has found no row and tried to insert its own.
                    sleep(Duration.ofMillis(500));
                }));
        otherNodeInserted.await();
        clock.set(START.plus(Duration.ofMinutes(3)));

        assertThat(valueOf(asEngineer(() -> vault.read(PATH)))).isEqualTo("initial-credential");

        otherNode.get(1, TimeUnit.MINUTES);
        assertThat(lastReadOf(1)).as("the later of the two reads").containsExactly(START.plus(Duration.ofMinutes(3)));
    }

    @Test
    void aReplacedCredentialOlderThanTheKeptVersionsKeepsItsValueUntilItIsRevoked() {
        asSecretsAdmin(() -> vault.configure(PATH, "", 1));
        rotation.setPolicy(policy(PATH).withRevocation(Duration.ofHours(1), Duration.ofHours(2)));
        rotation.rotateNow(PATH);
        Instant rotatedAt = clock.instant();
        write(PATH, "written-after-the-rotation");

        assertThat(labels()).containsExactlyInAnyOrderEntriesOf(Map.of("CURRENT", 3L, "PREVIOUS", 2L));
        assertThat(holdsValue(1)).as("no label, but its revocation is still due").isTrue();

        clock.set(rotatedAt.plus(Duration.ofHours(3)).plus(Duration.ofMinutes(5)));
        assertThat(rotation.runDue().revoked()).isEqualTo(1);

        assertThat(target.revoked()).containsExactly(PATH + "#initial-credential");
        assertThat(holdsValue(1)).as("revoked, and older than the one kept version").isFalse();
        assertThat(holdsValue(2)).isTrue();
        assertThat(holdsValue(3)).isTrue();
    }

    @Test
    void aNodeThatDiedBeforeTheTargetChangedConvergesBackToCurrent() {
        rotation.setPolicy(policy(PATH));
        target.crash(TargetRotator.Crash.BEFORE_SET);
        assertThatThrownBy(() -> rotation.rotateNow(PATH)).isInstanceOf(TargetRotator.SimulatedCrash.class);
        assertThat(labels()).containsEntry("PENDING", 2L);
        assertThat(rotation.status(PATH).state()).isEqualTo(RotationState.IN_PROGRESS);
        assertThatThrownBy(() -> vault.read(PATH, 2)).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("still pending");

        assertThat(rotation.convergeInterrupted()).as("the dead node's claim has not lapsed yet").isZero();
        clock.advance(Duration.ofMinutes(6));
        assertThat(rotation.convergeInterrupted()).isEqualTo(1);

        assertThat(labels()).containsExactlyEntriesOf(Map.of("CURRENT", 1L));
        assertThat(valueOf(vault.read(PATH))).isEqualTo("initial-credential").isEqualTo(target.acceptedBy(PATH));
        assertThat(rotation.status(PATH).consecutiveFailures()).isZero();
        assertThat(audit.records()).filteredOn(r -> r.action().equals("secret.rotation.abandoned")).singleElement()
                .satisfies(record -> assertThat(record.details().get("reason")).contains("still accepts CURRENT"));
    }

    @Test
    void aNodeThatDiedAfterTheTargetChangedConvergesToTheCandidate() {
        rotation.setPolicy(policy(PATH));
        target.crash(TargetRotator.Crash.AFTER_SET);
        assertThatThrownBy(() -> rotation.rotateNow(PATH)).isInstanceOf(TargetRotator.SimulatedCrash.class);
        assertThat(valueOf(vault.read(PATH))).as("readers still get CURRENT").isEqualTo("initial-credential");
        clock.advance(Duration.ofMinutes(6));

        RotationRun run = rotation.runDue();

        assertThat(run.converged()).isEqualTo(1);
        assertThat(labels()).containsExactlyInAnyOrderEntriesOf(Map.of("CURRENT", 2L, "PREVIOUS", 1L));
        assertThat(valueOf(vault.read(PATH))).isEqualTo(target.acceptedBy(PATH)).startsWith("candidate-");
        assertThat(audit.records()).filteredOn(r -> r.action().equals("secret.rotation.finished")).singleElement()
                .satisfies(record -> assertThat(record.details().get("how")).contains("converged"));
    }

    @Test
    void aWriteDuringARotationSupersedesTheCandidate() {
        rotation.setPolicy(policy(PATH));
        target.crash(TargetRotator.Crash.AFTER_SET);
        assertThatThrownBy(() -> rotation.rotateNow(PATH)).isInstanceOf(TargetRotator.SimulatedCrash.class);

        write(PATH, "typed-in-by-hand");
        clock.advance(Duration.ofMinutes(6));
        rotation.convergeInterrupted();

        assertThat(valueOf(vault.read(PATH))).isEqualTo("typed-in-by-hand");
        assertThat(vault.metadata(PATH).versions()).extracting(SecretVersionInfo::state)
                .containsExactly(VersionState.ACTIVE, VersionState.FAILED, VersionState.ACTIVE);
        assertThat(rotation.status(PATH).state()).isNotEqualTo(RotationState.IN_PROGRESS);
    }

    @Test
    void secretsGantryCannotRotateEarnOneReminderPerLeadTimeBeforeTheirExpiry() {
        String thirdParty = "payments/api/prod/partner-key";
        write(thirdParty, "issued-by-partner");
        rotation.setPolicy(new RotationPolicy(RotationScope.SECRET, thirdParty, RotationPolicy.MANUAL,
                RotatorParameters.none(), null, null, Duration.ZERO, Duration.ZERO, true));
        Instant expiry = START.plus(Duration.ofDays(20));
        rotation.setExpiry(thirdParty, expiry);

        assertThat(rotation.runDue().reminders()).isZero();
        clock.advance(Duration.ofDays(7));
        assertThat(rotation.runDue().reminders()).isEqualTo(1);
        assertThat(rotation.runDue().reminders()).as("once per lead time").isZero();
        clock.set(expiry.minus(Duration.ofHours(30)));
        assertThat(rotation.runDue().reminders()).isEqualTo(1);

        assertThat(events.stream(SecretExpiring.class)).extracting(SecretExpiring::leadTime)
                .containsExactly(Duration.ofDays(14), Duration.ofDays(3));
        assertThat(events.stream(SecretExpiring.class)).allSatisfy(expiring -> {
            assertThat(expiring.path()).isEqualTo(thirdParty);
            assertThat(expiring.expiresAt()).isEqualTo(expiry);
        });
        RotationStatus status = rotation.status(thirdParty);
        assertThat(status.state()).isEqualTo(RotationState.MANUAL);
        assertThat(rotation.overview(Duration.ofDays(7)).expiring()).extracting(RotationStatus::path)
                .containsExactly(thirdParty);
        assertThatThrownBy(() -> rotation.rotateNow(thirdParty)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("by hand");
    }

    @Test
    void twoNodesNoticingTheSameExpiryAtOnceSendOneReminder() throws Exception {
        String thirdParty = "payments/api/prod/partner-key";
        write(thirdParty, "issued-by-partner");
        rotation.setExpiry(thirdParty, START.plus(Duration.ofDays(2)));

        List<RotationRun> runs = Concurrently.run(3, () -> asSystem(rotation::runDue));

        assertThat(runs.stream().mapToInt(RotationRun::reminders).sum()).isEqualTo(1);
        assertThat(audit.records()).filteredOn(r -> r.action().equals("secret.expiry.reminded")).singleElement()
                .satisfies(record -> assertThat(record.details()).containsEntry("leadTime", "PT72H"));
        assertThat(jdbc.queryForObject("select count(*) from secret_expiry_reminder", Integer.class))
                .as("the 14 and 3 day lead times are both reached and recorded").isEqualTo(2);
    }

    @Test
    void aManualSecretWithoutAnExpiryIsDueByItsIntervalAndANewValueNeedsANewExpiry() {
        String manual = "payments/api/prod/legacy";
        write(manual, "hand-made");
        rotation.setPolicy(new RotationPolicy(RotationScope.SECRET, manual, RotationPolicy.MANUAL,
                RotatorParameters.none(), new RotationInterval("P30D"), null, Duration.ZERO, Duration.ZERO, true));
        assertThat(rotation.status(manual).expiresAt()).isEqualTo(START.plus(Duration.ofDays(30)));

        rotation.setExpiry(manual, START.plus(Duration.ofDays(5)));
        assertThat(rotation.status(manual).expiresAt()).isEqualTo(START.plus(Duration.ofDays(5)));
        clock.advance(Duration.ofDays(1));
        write(manual, "hand-made-again");
        assertThat(rotation.status(manual).expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(30)));
    }

    @Test
    @WithMockUser(username = "victor", roles = "VIEWER")
    void rotatingNowNeedsTheRotateCapabilityAndADenialIsAudited() {
        asSecretsAdmin(() -> rotation.setPolicy(policy(PATH)));
        audit.clear();

        assertThatThrownBy(() -> rotation.rotateNow(PATH)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> rotation.setPolicy(policy(PATH))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> rotation.runDue()).isInstanceOf(AccessDeniedException.class);

        assertThat(audit.records()).extracting(AuditRecord::action, AuditRecord::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("secret.rotation.requested", AuditOutcome.DENIED),
                org.assertj.core.groups.Tuple.tuple("secret.configured", AuditOutcome.DENIED));
        assertThat(asEngineer(() -> rotation.rotateNow(PATH))).isInstanceOf(RotationOutcome.Rotated.class);
        assertThat(asEngineer(() -> rotation.status(PATH)).currentVersion()).isEqualTo(2);
        // A global viewer holds no policy on the team's paths, so the team's rotations are not theirs to see.
        assertThat(rotation.statuses("payments/")).isEmpty();
    }

    @Test
    void everyStepIsAuditedAndNoAuditEntryHoldsAValue() {
        rotation.setPolicy(policy(PATH).withRevocation(Duration.ZERO, Duration.ZERO));
        asEngineer(() -> rotation.rotateNow(PATH));
        target.refuseTests(1);
        asEngineer(() -> rotation.rotateNow(PATH));
        clock.advance(Duration.ofMinutes(5));
        rotation.runDue();

        assertThat(audit.records()).extracting(AuditRecord::action).containsSubsequence(
                "secret.rotation.policy-set", "secret.rotation.created", "secret.rotation.set",
                "secret.rotation.tested", "secret.rotation.finished", "secret.rotation.created",
                "secret.rotation.set", "secret.rotation.failed", "secret.rotation.previous-revoked");
        assertThat(audit.records()).filteredOn(r -> r.action().equals("secret.rotation.created")).first()
                .satisfies(record -> {
                    assertThat(record.actor()).isEqualTo("erin");
                    assertThat(record.details()).containsEntry("trigger", "manual").containsKey("pathHmac");
                });
        List<String> values = new ArrayList<>(target.candidates());
        values.add("initial-credential");
        assertThat(audit.records()).allSatisfy(record -> values.forEach(value ->
                assertThat(record.toString()).doesNotContain(value)));
    }

    @Test
    void theDatabaseRefusesASecondCurrentLabelAndASecondLabelOnOneVersion() {
        write(PATH, "second");
        String secretId = jdbc.queryForObject("select cast(id as varchar(36)) from secret_metadata where path = ?",
                String.class, PATH);

        assertThatThrownBy(() -> jdbc.update("insert into secret_stage (secret_id, label, version, moved_at) "
                + "values (cast(? as uuid), 'CURRENT', 1, current_timestamp)", secretId))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update("insert into secret_stage (secret_id, label, version, moved_at) "
                + "values (cast(? as uuid), 'PENDING', 2, current_timestamp)", secretId))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(labels()).containsExactlyInAnyOrderEntriesOf(Map.of("CURRENT", 2L, "PREVIOUS", 1L));
    }

    @Test
    void aPolicyWithBadRotatorParametersIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> rotation.setPolicy(RotationPolicy.forSecret(PATH, "password",
                RotatorParameters.of("length", "8"))))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("parameters.length");
        assertThatThrownBy(() -> rotation.setPolicy(RotationPolicy.forSecret(PATH, "password",
                RotatorParameters.of("lenght", "40"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("unknown parameter");
        assertThatThrownBy(() -> rotation.setPolicy(RotationPolicy.forSecret(PATH, "no-such-rotator",
                RotatorParameters.none())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("password");
        assertThat(rotation.policies()).isEmpty();
    }

    @Test
    void aSecondRotateNowWhileOneIsRunningIsAConflict() throws Exception {
        rotation.setPolicy(policy(PATH));
        target.pauseEachStep(300);

        List<String> outcomes = Concurrently.run(2, () -> asEngineer(() -> {
            try {
                return rotation.rotateNow(PATH) instanceof RotationOutcome.Rotated ? "rotated" : "failed";
            } catch (ConflictException busy) {
                return "conflict";
            }
        }));

        assertThat(outcomes).containsExactlyInAnyOrder("rotated", "conflict");
    }

    @Test
    void aCertificateRotationKeepsItsCaInTheVaultAndTheCertificatesEndOfValidityIsItsExpiry() {
        String tls = "payments/api/prod/tls";
        write(tls, "no certificate yet");
        rotation.setPolicy(RotationPolicy.forSecret(tls, "certificate", RotatorParameters.of(
                "common-name", "api.payments.internal", "validity", "P45D"))
                .withInterval(new RotationInterval("P30D")));

        assertThat(asEngineer(() -> rotation.rotateNow(tls))).isInstanceOf(RotationOutcome.Rotated.class);

        assertThat(valueOf(vault.read(tls))).contains("-----BEGIN CERTIFICATE-----");
        assertThat(vault.metadata("gantry/pki/internal/root-ca").currentVersion()).isEqualTo(1);
        RotationStatus status = rotation.status(tls);
        assertThat(status.expiresAt()).isEqualTo(START.plus(Duration.ofDays(45)));
        assertThat(status.nextDueAt()).isEqualTo(START.plus(Duration.ofDays(30)));
        assertThat(audit.records()).filteredOn(r -> r.action().equals("secret.written")
                && r.target().equals("secret:gantry/pki/internal/root-ca")).singleElement()
                .satisfies(record -> assertThat(record.actor()).isEqualTo("system:secret-rotation"));
        clock.advance(Duration.ofDays(31));
        assertThat(asEngineer(() -> rotation.rotateNow(tls))).as("the same CA signs the next one")
                .isInstanceOf(RotationOutcome.Rotated.class);
        assertThat(vault.metadata("gantry/pki/internal/root-ca").currentVersion()).isEqualTo(1);
    }

    // ---- helpers ----

    static RotationPolicy policy(String path) {
        return RotationPolicy.forSecret(path, "target", RotatorParameters.none());
    }

    Map<String, Long> labels() {
        Map<String, Long> labels = new java.util.HashMap<>();
        jdbc.query("select s.label, s.version from secret_stage s join secret_metadata m on m.id = s.secret_id "
                + "where m.path = ?", rows -> {
                    labels.put(rows.getString(1), rows.getLong(2));
                }, PATH);
        return labels;
    }

    List<Instant> lastReadOf(long version) {
        return jdbc.queryForList("select r.last_read_at from secret_version_read r join secret_version v on v.id ="
                + " r.version_id join secret_metadata m on m.id = v.secret_id where m.path = ? and v.version = ?",
                java.sql.Timestamp.class, PATH, version).stream().map(java.sql.Timestamp::toInstant).toList();
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    boolean holdsValue(long version) {
        return jdbc.queryForObject("select count(*) from secret_version v join secret_metadata m on m.id = v.secret_id"
                + " where m.path = ? and v.version = ? and v.ciphertext is not null", Integer.class, PATH, version) == 1;
    }

    void write(String path, String value) {
        asSecretsAdmin(() -> vault.write(path, SecretValue.of(value.toCharArray()), null));
    }

    static String valueOf(SecretRead read) {
        return new String(read.value().chars());
    }

    static <T> T asEngineer(Supplier<T> action) {
        return runAs("erin", action, "TEAM:payments:ENGINEER", "SIGNED_IN");
    }

    static void asSecretsAdmin(Runnable action) {
        runAs("keeper", () -> {
            action.run();
            return null;
        }, "ROLE_SECRETS_ADMIN");
    }

    static <T> T asSystem(Supplier<T> action) {
        return runAs("system:test-scheduler", action, "ROLE_SECRETS_ADMIN");
    }

    static <T> T runAs(String user, Supplier<T> action, String... authorities) {
        var original = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, "n/a",
                AuthorityUtils.createAuthorityList(authorities)));
        SecurityContextHolder.setContext(context);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.setContext(original);
        }
    }
}
