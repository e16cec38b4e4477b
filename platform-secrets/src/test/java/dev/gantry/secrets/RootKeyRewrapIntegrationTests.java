package dev.gantry.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.access.testing.RecordingAuditTrail;
import dev.gantry.access.testing.SignedIn;
import dev.gantry.domain.ConflictException;
import dev.gantry.domain.InvalidInputException;
import dev.gantry.domain.audit.AuditRecord;
import dev.gantry.secrets.internal.crypto.RetiredKeyVersionException;
import dev.gantry.secrets.internal.seal.SealState;
import dev.gantry.secrets.testing.RecordingAuditConfiguration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/** Rotating the root key, rewrapping what is stored, and retiring old versions; subclasses choose the database. */
@SpringBootTest(classes = SecretsTestApplication.class)
@Import(RecordingAuditConfiguration.class)
@WithMockUser(username = "keeper", roles = "SECRETS_ADMIN")
abstract class RootKeyRewrapIntegrationTests {

    private static final int SECRETS = 5;

    @Autowired
    VaultSeal seal;

    @Autowired
    SecretVault vault;

    @Autowired
    RootKeyRewrap rewrap;

    @Autowired
    SealedExport export;

    @Autowired
    SealState state;

    @Autowired
    RecordingAuditTrail audit;

    @Autowired
    JdbcTemplate jdbc;

    List<String> shares;
    String sealedBeforeRotation;

    /** Five secrets with two versions each and one export key: eleven stored keys under root key version 1. */
    @BeforeEach
    void elevenKeysUnderTheFirstRootKey() {
        VaultFixtures.wipe(jdbc, state);
        SignedIn.as("keeper", "SECRETS_ADMIN", () -> {
            shares = VaultFixtures.initialisedAndUnsealed(seal);
            for (int i = 0; i < SECRETS; i++) {
                vault.write(path(i), value("first-" + i), null);
                vault.write(path(i), value("second-" + i), null);
            }
            sealedBeforeRotation = export.sealForRepository("payments/api/prod/imported", value("from-the-repo"));
            return null;
        });
        audit.clear();
    }

    @AfterEach
    void auditWorksAgain() {
        audit.failFromNowOn(false);
    }

    @Test
    void theRewrapMovesEveryStoredKeyToTheNewestRootKeyWhileOldVersionsStayReadable() {
        assertThat(seal.rotateRootKey()).isEqualTo(2);
        RewrapStatus before = rewrap.status();
        assertThat(before).isEqualTo(new RewrapStatus(2, 11, 0, 1, 1, null, null));

        List<Long> progress = new java.util.ArrayList<>();
        RewrapStatus status = before;
        while (!status.complete()) {
            status = rewrap.runBatch(4);
            progress.add(status.done());
            assertEveryValueReads();
        }

        assertThat(progress).containsExactly(4L, 8L, 11L);
        assertThat(status.finishedAt()).isNotNull();
        assertThat(status.lowestKeyVersionInUse()).isEqualTo(2);
        assertThat(jdbc.queryForList("select distinct key_version from secret_version", Integer.class))
                .containsExactly(2);
        assertThat(jdbc.queryForList("select key_version from secret_export_key", Integer.class)).containsExactly(2);
        assertThat(export.importSealed(sealedBeforeRotation).version()).isEqualTo(1);
        assertThat(audit.records()).extracting(AuditRecord::action).containsSubsequence(
                "secrets.root-key.rotated", "secrets.root-key.rewrap-started", "secrets.root-key.rewrapped",
                "secrets.root-key.rewrapped", "secrets.root-key.rewrapped", "secrets.root-key.rewrap-completed");
    }

    @Test
    void aRewrapBatchCutShortLeavesEverythingReadableAndTheNextRunsFinishTheJob() {
        seal.rotateRootKey();
        rewrap.runBatch(3);
        audit.failFromNowOn(true);

        assertThatThrownBy(() -> rewrap.runBatch(3)).isInstanceOf(IllegalStateException.class);

        audit.failFromNowOn(false);
        assertThat(rewrap.status().done()).as("the failed batch was rolled back whole").isEqualTo(3);
        seal.seal();
        seal.submitShare(shares.get(2));
        seal.submitShare(shares.get(1));
        assertEveryValueReads();
        RewrapStatus status = rewrap.status();
        while (!status.complete()) {
            status = rewrap.runBatch(3);
        }
        assertThat(status.done()).isEqualTo(11);
        assertEveryValueReads();
        assertThat(export.importSealed(sealedBeforeRotation).version()).isEqualTo(1);
    }

    @Test
    void runningTheRewrapAgainOnceCompleteChangesNothing() {
        seal.rotateRootKey();
        rewrap.runBatch(100);
        Map<String, byte[]> wrapped = wrappedDataKeys();
        audit.clear();

        RewrapStatus again = rewrap.runBatch();

        assertThat(again.complete()).isTrue();
        assertThat(wrappedDataKeys()).containsExactlyInAnyOrderEntriesOf(wrapped);
        assertThat(audit.records()).isEmpty();
    }

    @Test
    void valuesWrittenDuringTheRewrapUseTheNewestRootKey() {
        seal.rotateRootKey();
        rewrap.runBatch(2);

        vault.write(path(0), value("third-0"), null);

        assertThat(jdbc.queryForObject("select key_version from secret_version where version = 3", Integer.class))
                .isEqualTo(2);
        RewrapStatus status = rewrap.status();
        assertThat(status.total()).isEqualTo(12);
        assertThat(status.done()).isEqualTo(3);
    }

    @Test
    void theMinimumDecryptionVersionCannotBeRaisedWhileAnythingStillNeedsAnOlderVersion() {
        seal.rotateRootKey();
        rewrap.runBatch(5);

        assertThatThrownBy(() -> rewrap.raiseMinDecryptionVersion(2))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("6 stored keys are still wrapped by root key versions below 2")
                .hasMessageContaining("5 of 11 done");
        assertThat(rewrap.status().minDecryptionVersion()).isEqualTo(1);

        rewrap.runBatch(100);
        assertThat(rewrap.raiseMinDecryptionVersion(2).minDecryptionVersion()).isEqualTo(2);
        assertThatThrownBy(() -> rewrap.raiseMinDecryptionVersion(2)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("can only be raised");
        assertThatThrownBy(() -> rewrap.raiseMinDecryptionVersion(1)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> rewrap.raiseMinDecryptionVersion(3)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no root key version 3");
        assertThat(audit.records()).extracting(AuditRecord::action)
                .contains("secrets.root-key.min-decryption-raised");
    }

    @Test
    void onceTheMinimumIsRaisedDataWrappedByAnOlderVersionIsRefusedEvenAfterUnsealingAgain() {
        Map<String, byte[]> underVersionOne = wrappedDataKeys();
        seal.rotateRootKey();
        rewrap.runBatch(100);
        rewrap.raiseMinDecryptionVersion(2);
        // An old copy of one row comes back, e.g. from a database backup taken before the rotation.
        String id = underVersionOne.keySet().iterator().next();
        jdbc.update("update secret_version set key_version = 1, wrapped_data_key = ? where id = ?",
                underVersionOne.get(id), java.util.UUID.fromString(id));
        String restoredPath = jdbc.queryForObject("select m.path from secret_metadata m join secret_version v "
                + "on v.secret_id = m.id where v.id = ?", String.class, java.util.UUID.fromString(id));
        long restoredVersion = jdbc.queryForObject("select version from secret_version where id = ?", Long.class,
                java.util.UUID.fromString(id));

        assertThatThrownBy(() -> vault.read(restoredPath, restoredVersion))
                .isInstanceOf(RetiredKeyVersionException.class)
                .hasMessageContaining("root key version 1 is retired");
        seal.seal();
        seal.submitShare(shares.get(0));
        seal.submitShare(shares.get(2));
        assertThatThrownBy(() -> vault.read(restoredPath, restoredVersion))
                .isInstanceOf(RetiredKeyVersionException.class);
        long otherVersion = 3 - restoredVersion;
        String index = restoredPath.substring(restoredPath.lastIndexOf('-') + 1);
        assertThat(read(restoredPath, otherVersion)).as("the rows that were not restored still read")
                .isEqualTo((otherVersion == 1 ? "first-" : "second-") + index);
    }

    @Test
    @WithMockUser(username = "erin", authorities = "TEAM:payments:ENGINEER")
    void onlyASecretsAdministratorRunsTheRewrapOrRetiresKeys() {
        assertThatThrownBy(() -> rewrap.runBatch()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> rewrap.raiseMinDecryptionVersion(2)).isInstanceOf(AccessDeniedException.class);
    }

    private void assertEveryValueReads() {
        SignedIn.withAuthority("erin", "TEAM:payments:ENGINEER", () -> {
            for (int i = 0; i < SECRETS; i++) {
                assertThat(read(path(i), 1)).isEqualTo("first-" + i);
                assertThat(read(path(i), 2)).isEqualTo("second-" + i);
            }
            return null;
        });
    }

    private Map<String, byte[]> wrappedDataKeys() {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        jdbc.query("select id, wrapped_data_key from secret_version order by id", row -> {
            keys.put(row.getString(1), row.getBytes(2));
        });
        return keys;
    }

    private String read(String path, long version) {
        return new String(vault.read(path, version).value().chars());
    }

    private static String path(int i) {
        return "payments/api/prod/secret-" + i;
    }

    private static SecretValue value(String plain) {
        return SecretValue.of(plain.toCharArray());
    }
}
