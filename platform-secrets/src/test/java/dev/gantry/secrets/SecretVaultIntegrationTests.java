package dev.gantry.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.domain.ConflictException;
import dev.gantry.domain.InvalidInputException;
import dev.gantry.domain.NotFoundException;
import dev.gantry.domain.audit.AuditOutcome;
import dev.gantry.domain.audit.AuditRecord;
import dev.gantry.access.testing.Concurrently;
import dev.gantry.secrets.internal.seal.SealState;
import dev.gantry.secrets.testing.RecordingAuditConfiguration;
import dev.gantry.access.testing.RecordingAuditTrail;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The versioned store against a real database; subclasses choose which. */
@SpringBootTest(classes = SecretsTestApplication.class)
@Import(RecordingAuditConfiguration.class)
@WithMockUser(username = "erin", authorities = "TEAM:payments:ENGINEER")
abstract class SecretVaultIntegrationTests {

    private static final String PATH = "payments/api/prod/db-password";
    private static final String CANARY = "canary-4b1d-value-must-never-be-stored-in-clear";

    @Autowired
    SecretVault vault;

    @Autowired
    VaultSeal seal;

    @Autowired
    SealState state;

    @Autowired
    RecordingAuditTrail audit;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SystemSecrets system;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    SecretPolicies policies;

    @BeforeEach
    void unsealedAndEmpty() {
        VaultFixtures.wipe(jdbc, state);
        asSecretsAdmin(() -> VaultFixtures.initialisedAndUnsealed(seal));
        audit.clear();
    }

    @AfterEach
    void auditWorksAgain() {
        audit.failFromNowOn(false);
    }

    @Test
    void eachWriteAddsAVersionAndReadsGiveTheCurrentOrAnyKeptVersion() {
        assertThat(write("one", null).version()).isEqualTo(1);
        assertThat(write("two", null).version()).isEqualTo(2);

        assertThat(valueOf(vault.read(PATH))).isEqualTo("two");
        assertThat(vault.read(PATH).version()).isEqualTo(2);
        assertThat(valueOf(vault.read(PATH, 1))).isEqualTo("one");
        SecretMetadata metadata = vault.metadata(PATH);
        assertThat(metadata.currentVersion()).isEqualTo(2);
        assertThat(metadata.ownerTeam()).isEqualTo("payments");
        assertThat(metadata.versions()).extracting(SecretVersionInfo::version).containsExactly(1L, 2L);
        assertThat(metadata.versions()).extracting(SecretVersionInfo::createdBy).containsOnly("erin");
    }

    @Test
    void checkAndSetWritesOnlyOverTheVersionTheWriterSaw() {
        write("one", null);
        write("two", 1L);

        assertThatThrownBy(() -> write("stale", 1L))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("current version is 2")
                .extracting(e -> ((ConflictException) e).field()).isEqualTo("cas");
        assertThat(valueOf(vault.read(PATH))).isEqualTo("two");
        assertThat(vault.metadata(PATH).currentVersion()).isEqualTo(2);
    }

    @Test
    void ofConcurrentWritersOverTheSameVersionExactlyOneWins() throws Exception {
        write("one", null);

        List<String> outcomes = Concurrently.run(4, () -> asEngineer(() -> {
            try {
                return "won v" + write("racer", 1L).version();
            } catch (ConflictException lost) {
                return "conflict";
            }
        }));

        assertThat(outcomes).containsOnlyOnce("won v2").containsOnly("won v2", "conflict");
        assertThat(vault.metadata(PATH).currentVersion()).isEqualTo(2);
    }

    @Test
    void ofConcurrentCreatorsWithCasZeroExactlyOneWins() throws Exception {
        List<String> outcomes = Concurrently.run(4, () -> asEngineer(() -> {
            try {
                return "won v" + write("first", 0L).version();
            } catch (ConflictException lost) {
                return "conflict";
            }
        }));

        assertThat(outcomes).containsOnlyOnce("won v1").containsOnly("won v1", "conflict");
        assertThat(vault.metadata(PATH).versions()).hasSize(1);
    }

    @Test
    void concurrentUnconditionalFirstWritesOfOnePathAllSucceedOneVersionEach() throws Exception {
        List<String> outcomes = Concurrently.run(6, () -> asEngineer(() -> {
            try {
                return "v" + write("first", null).version();
            } catch (RuntimeException failed) {
                return failed.toString();
            }
        }));

        assertThat(outcomes).containsExactlyInAnyOrder("v1", "v2", "v3", "v4", "v5", "v6");
        assertThat(vault.metadata(PATH).versions()).hasSize(6);
    }

    @Test
    void casZeroCreatesOnlyWhenTheSecretDoesNotExist() {
        assertThat(write("first", 0L).version()).isEqualTo(1);

        assertThatThrownBy(() -> write("second", 0L))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already exists");
        assertThatThrownBy(() -> vault.write("payments/api/prod/absent", value("x"), 3L))
                .isInstanceOf(ConflictException.class);
        assertThat(valueOf(vault.read(PATH))).isEqualTo("first");
    }

    @Test
    void onlyTheNewestMaxVersionsKeepTheirValuesAndTheHistoryStays() {
        write("v1", null);
        asSecretsAdmin(() -> vault.configure(PATH, "primary database", 3));
        for (int i = 2; i <= 5; i++) {
            write("v" + i, null);
        }

        SecretMetadata metadata = vault.metadata(PATH);
        assertThat(metadata.versions()).extracting(SecretVersionInfo::state).containsExactly(
                VersionState.DESTROYED, VersionState.DESTROYED, VersionState.ACTIVE, VersionState.ACTIVE,
                VersionState.ACTIVE);
        assertThat(metadata.description()).isEqualTo("primary database");
        assertThatThrownBy(() -> vault.read(PATH, 2)).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("destroyed");
        assertThat(jdbc.queryForObject("select count(*) from secret_version where ciphertext is not null",
                Integer.class)).isEqualTo(3);
    }

    @Test
    void eachWriteMovesCurrentToItselfAndPreviousToTheVersionItReplaced() {
        write("one", null);
        assertThat(labels()).containsExactly("CURRENT=1");

        write("two", null);
        assertThat(labels()).containsExactlyInAnyOrder("CURRENT=2", "PREVIOUS=1");

        write("three", null);
        assertThat(labels()).containsExactlyInAnyOrder("CURRENT=3", "PREVIOUS=2");
        assertThat(vault.metadata(PATH).versions()).extracting(SecretVersionInfo::state)
                .containsOnly(VersionState.ACTIVE);
    }

    @Test
    void withOneKeptVersionThePreviousOneKeepsItsValueAndOlderOnesAreDestroyed() {
        write("v1", null);
        asSecretsAdmin(() -> vault.configure(PATH, "", 1));
        write("v2", null);
        assertThat(vault.metadata(PATH).versions()).extracting(SecretVersionInfo::state)
                .containsExactly(VersionState.ACTIVE, VersionState.ACTIVE);

        write("v3", null);
        write("v4", null);

        assertThat(vault.metadata(PATH).versions()).extracting(SecretVersionInfo::state).containsExactly(
                VersionState.DESTROYED, VersionState.DESTROYED, VersionState.ACTIVE, VersionState.ACTIVE);
        assertThat(valueOf(vault.read(PATH, 3))).isEqualTo("v3");
        assertThat(jdbc.queryForObject("select count(*) from secret_version where ciphertext is not null",
                Integer.class)).isEqualTo(2);
    }

    @Test
    void aWriteInsideATransactionThatHadLoadedTheSecretLeavesItNoStaleCopyToWriteBack() {
        write("one", null);
        asSecretsAdmin(() -> new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            vault.configure(PATH, "before the write", 10);
            vault.write(PATH, value("two"), null);
            // Changes the secret this transaction loaded before the write; all of it is written back at commit.
            vault.configure(PATH, "after the write", 10);
        }));

        assertThat(write("three", null).version()).isEqualTo(3);
        SecretMetadata metadata = vault.metadata(PATH);
        assertThat(metadata.description()).isEqualTo("after the write");
        assertThat(metadata.versions()).extracting(SecretVersionInfo::version).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aVersionAWriteDestroysInsideATransactionThatHadReadItIsNoLongerReadableThere() {
        write("v1", null);
        asSecretsAdmin(() -> vault.configure(PATH, "", 1));
        write("v2", null);

        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            assertThat(valueOf(vault.read(PATH, 1))).isEqualTo("v1");
            write("v3", null);
            assertThatThrownBy(() -> vault.read(PATH, 1)).isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("destroyed");
        });
    }

    @Test
    void writesBelowTheLimitDestroyNothing() {
        for (int i = 1; i <= 10; i++) {
            write("v" + i, null);
        }

        assertThat(vault.metadata(PATH).versions()).hasSize(10).extracting(SecretVersionInfo::state)
                .containsOnly(VersionState.ACTIVE);
        assertThat(valueOf(vault.read(PATH, 1))).isEqualTo("v1");
    }

    @Test
    void aSoftDeletedVersionCanBeUndeletedButADestroyedOneIsGone() {
        write("one", null);
        write("two", null);

        vault.delete(PATH);
        assertThatThrownBy(() -> vault.read(PATH)).isInstanceOf(NotFoundException.class).hasMessageContaining("deleted");
        assertThat(valueOf(vault.read(PATH, 1))).isEqualTo("one");

        vault.undelete(PATH, 2);
        assertThat(valueOf(vault.read(PATH))).isEqualTo("two");

        asSecretsAdmin(() -> vault.destroy(PATH, 1));
        vault.undelete(PATH, 1);
        assertThatThrownBy(() -> vault.read(PATH, 1)).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("destroyed");
        assertThat(jdbc.queryForMap("select key_version, wrapped_data_key, ciphertext from secret_version "
                + "where version = 1").values()).hasSize(3).containsOnlyNulls();
    }

    @Test
    void anEngineerMayNotDestroy() {
        write("one", null);

        assertThatThrownBy(() -> vault.destroy(PATH, 1)).isInstanceOf(AccessDeniedException.class);

        assertThat(valueOf(vault.read(PATH, 1))).isEqualTo("one");
    }

    @Test
    void rollbackWritesAnOldValueAsTheNewCurrentVersion() {
        write("good", null);
        write("broken", null);

        SecretVersionInfo rolledBack = vault.rollback(PATH, 1);

        assertThat(rolledBack.version()).isEqualTo(3);
        assertThat(valueOf(vault.read(PATH))).isEqualTo("good");
        assertThat(valueOf(vault.read(PATH, 2))).isEqualTo("broken");
        assertThat(audit.records()).filteredOn(record -> record.action().equals("secret.rolled-back"))
                .singleElement().satisfies(record -> {
            assertThat(record.details()).containsEntry("from", "1").containsEntry("version", "3");
        });
    }

    @Test
    void theCanaryValueNeverAppearsInTheStoredBytes() {
        write(CANARY, null);
        vault.rollback(PATH, 1);

        String canaryHex = HexFormat.of().formatHex(CANARY.getBytes(StandardCharsets.UTF_8));
        List<Map<String, Object>> rows = jdbc.queryForList("select * from secret_version");
        rows.addAll(jdbc.queryForList("select * from secret_metadata"));
        rows.addAll(jdbc.queryForList("select * from secret_keyring"));
        assertThat(rows).isNotEmpty().allSatisfy(row -> row.values().forEach(column -> {
            String text = column instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : String.valueOf(column);
            assertThat(text).doesNotContain(canaryHex).doesNotContain(CANARY);
        }));
    }

    @Test
    void everyReadAndChangeIsAuditedWithAKeyedPathHashAndNoValue() {
        write(CANARY, null);
        vault.read(PATH);
        vault.delete(PATH);
        vault.undelete(PATH);

        assertThat(audit.records()).extracting(AuditRecord::action)
                .containsExactly("secret.written", "secret.read", "secret.deleted", "secret.undeleted");
        String pathHmac = audit.records().get(0).details().get("pathHmac");
        assertThat(pathHmac).hasSize(64).isNotEqualTo(HexFormat.of().formatHex(PATH.getBytes(StandardCharsets.UTF_8)));
        assertThat(audit.records()).allSatisfy(record -> {
            assertThat(record.actor()).isEqualTo("erin");
            assertThat(record.target()).isEqualTo("secret:" + PATH);
            assertThat(record.details()).containsEntry("pathHmac", pathHmac);
            assertThat(record.toString()).doesNotContain(CANARY);
        });
    }

    @Test
    @WithMockUser(username = "victor", authorities = "TEAM:payments:VIEWER")
    void aViewerSeesMetadataButReadingIsDeniedAndAudited() {
        asEngineer(() -> write(CANARY, null));
        audit.clear();

        assertThat(vault.list("payments/")).singleElement().extracting(SecretMetadata::path).isEqualTo(PATH);
        assertThatThrownBy(() -> vault.read(PATH)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> write("mine now", null)).isInstanceOf(AccessDeniedException.class);

        assertThat(audit.records()).hasSize(2).allSatisfy(record -> {
            assertThat(record.outcome()).isEqualTo(AuditOutcome.DENIED);
            assertThat(record.actor()).isEqualTo("victor");
            assertThat(record.details()).containsKey("pathHmac");
        });
        assertThat(asEngineer(() -> valueOf(vault.read(PATH)))).isEqualTo(CANARY);
    }

    @Test
    void listingPagesThroughThePrefixByPathWithoutOverlap() {
        asEngineer(() -> {
            for (String name : List.of("e", "a", "d", "b", "c")) {
                vault.write("payments/api/staging/" + name, value("x"), null);
            }
            return null;
        });
        asSecretsAdmin(() -> vault.write("search/api/staging/a", value("x"), null));

        Page<SecretMetadata> first = vault.list("payments/", PageRequest.of(0, 2, Sort.by("description")));
        Page<SecretMetadata> last = vault.list("payments/", PageRequest.of(2, 2));

        assertThat(first.getTotalElements()).isEqualTo(5);
        assertThat(first.getContent()).extracting(SecretMetadata::path)
                .containsExactly("payments/api/staging/a", "payments/api/staging/b");
        assertThat(last.getContent()).extracting(SecretMetadata::path).containsExactly("payments/api/staging/e");
        assertThat(vault.list("payments/api/staging/_", PageRequest.of(0, 10)).getTotalElements())
                .as("a wildcard in the prefix is taken literally").isZero();
        assertThat(vault.list("", PageRequest.of(0, 10)).getContent()).extracting(SecretMetadata::path)
                .as("another team's secret is not listed").noneMatch(path -> path.startsWith("search/"));
    }

    @Test
    void theHistoryNamesTheRootKeyThatWrappedEachVersionUntilItIsDestroyed() {
        write("one", null);
        asSecretsAdmin(() -> seal.rotateRootKey());
        write("two", null);
        asSecretsAdmin(() -> vault.destroy(PATH, 1));

        assertThat(vault.metadata(PATH).versions()).extracting(SecretVersionInfo::keyVersion)
                .containsExactly(null, 2);
    }

    @Test
    void aWriteThatCannotBeAuditedIsRolledBack() {
        write("kept", null);
        audit.failFromNowOn(true);

        assertThatThrownBy(() -> write("lost", null)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> vault.read(PATH)).isInstanceOf(IllegalStateException.class);

        audit.failFromNowOn(false);
        assertThat(vault.metadata(PATH).currentVersion()).isEqualTo(1);
        assertThat(valueOf(vault.read(PATH))).isEqualTo("kept");
        assertThat(jdbc.queryForObject("select count(*) from secret_version", Integer.class)).isEqualTo(1);
    }

    @Test
    void aReadIsAuditedOnceWhetherItRunsOnItsOwnOrInsideACallersTransaction() {
        write("v", null);
        audit.clear();

        vault.read(PATH);
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> vault.read(PATH));
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            vault.read(PATH);
            status.setRollbackOnly();
        });

        assertThat(audit.recordsFor("secret:" + PATH)).extracting(AuditRecord::action)
                .as("the rolled-back caller's read takes its entry with it")
                .containsExactly("secret.read", "secret.read");
    }

    @Test
    void badPathsAreRefusedNamingThePathField() {
        for (String bad : List.of("payments/api/prod", "Payments/api/prod/x", "payments/api/prod/x/y",
                "payments//prod/x", "payments/api/prod/-x", "../api/prod/x")) {
            assertThatThrownBy(() -> vault.write(bad, value("x"), null)).as(bad)
                    .isInstanceOf(InvalidInputException.class)
                    .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("path");
        }
    }

    @Test
    void aSecretValuePrintsAsHidden() {
        write(CANARY, null);
        SecretRead read = vault.read(PATH);

        assertThat(read.toString()).doesNotContain(CANARY).contains("hidden");
        assertThat(read.value().toString()).doesNotContain(CANARY);
    }

    @Test
    void reservedPathsAreClosedToEveryoneButGantryEvenASecretsAdministratorAndATeamNamedGantry() {
        String reserved = "gantry/recovery/keys/backup-1";
        system.writeReserved("recovery-keys", reserved, value("key-material"), 0L);

        runAs("keeper", "ROLE_SECRETS_ADMIN", () -> {
            assertThatThrownBy(() -> vault.read(reserved)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> vault.write(reserved, value("planted"), null))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(vault.list("gantry/recovery/")).isEmpty();
            assertThat(policies.capabilitiesOn(reserved)).isEmpty();
            return null;
        });
        runAs("gus", "TEAM:gantry:SECRETS_ADMIN", () -> {
            assertThatThrownBy(() -> vault.read(reserved)).isInstanceOf(AccessDeniedException.class);
            return null;
        });
        assertThat(valueOf(system.read("recovery-keys", reserved))).isEqualTo("key-material");
        assertThat(audit.recordsFor("secret:" + reserved)).filteredOn(r -> r.outcome() == AuditOutcome.DENIED)
                .extracting(r -> r.details().get("reason")).containsOnly("the path is reserved for Gantry");
        assertThat(audit.recordsFor("secret:" + reserved)).filteredOn(r -> r.outcome() == AuditOutcome.SUCCESS)
                .extracting(AuditRecord::actor).containsOnly("system:recovery-keys");
    }

    @Test
    void gantryReadsAnyonesSecretAsItselfButWritesOnlyReservedPaths() {
        write("db-password", null);

        assertThat(valueOf(system.read("recovery-credentials", PATH))).isEqualTo("db-password");
        assertThatThrownBy(() -> system.writeReserved("recovery-keys", PATH, value("x"), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(valueOf(vault.read(PATH))).isEqualTo("db-password");
        assertThat(audit.recordsFor("secret:" + PATH)).extracting(AuditRecord::actor)
                .contains("system:recovery-credentials");
    }

    @Test
    void gantryCannotReadItsReservedKeysWhileTheVaultIsSealed() {
        system.writeReserved("recovery-keys", "gantry/recovery/keys/current", value("k1"), 0L);
        state.seal();

        assertThatThrownBy(() -> system.read("recovery-keys", "gantry/recovery/keys/current"))
                .isInstanceOf(VaultSealedException.class);
    }

    private List<String> labels() {
        return jdbc.queryForList("select label || '=' || version from secret_stage", String.class);
    }

    private SecretVersionInfo write(String plain, Long cas) {
        return vault.write(PATH, value(plain), cas);
    }

    private static SecretValue value(String plain) {
        return SecretValue.of(plain.toCharArray());
    }

    private static String valueOf(SecretRead read) {
        return new String(read.value().chars());
    }

    private static void asSecretsAdmin(Runnable action) {
        runAs("keeper", "ROLE_SECRETS_ADMIN", () -> {
            action.run();
            return null;
        });
    }

    private static <T> T asEngineer(java.util.function.Supplier<T> action) {
        return runAs("erin", "TEAM:payments:ENGINEER", action);
    }

    private static <T> T runAs(String user, String authority, java.util.function.Supplier<T> action) {
        var context = SecurityContextHolder.getContext();
        var previous = context.getAuthentication();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, "n/a",
                AuthorityUtils.createAuthorityList(authority)));
        try {
            return action.get();
        } finally {
            context.setAuthentication(previous);
        }
    }
}
