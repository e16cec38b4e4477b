package dev.gantry.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.domain.ConflictException;
import dev.gantry.domain.InvalidInputException;
import dev.gantry.domain.audit.AuditOutcome;
import dev.gantry.domain.audit.AuditRecord;
import dev.gantry.secrets.internal.crypto.AesGcm;
import dev.gantry.secrets.internal.seal.SealState;
import dev.gantry.secrets.internal.seal.ShamirUnsealKey;
import dev.gantry.secrets.internal.seal.UnsealShare;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import dev.gantry.secrets.testing.RecordingAuditConfiguration;
import dev.gantry.access.testing.RecordingAuditTrail;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/** Initialising, unsealing and sealing against a real database; subclasses choose which. */
@SpringBootTest(classes = SecretsTestApplication.class)
@Import(RecordingAuditConfiguration.class)
@WithMockUser(username = "keeper", roles = "SECRETS_ADMIN")
abstract class VaultSealIntegrationTests {

    @Autowired
    VaultSeal seal;

    @Autowired
    SecretVault vault;

    @Autowired
    SealState state;

    @Autowired
    RecordingAuditTrail audit;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void uninitialisedAndSealed() {
        VaultFixtures.wipe(jdbc, state);
        audit.clear();
    }

    @AfterEach
    void auditWorksAgain() {
        audit.failFromNowOn(false);
    }

    @Test
    void initialisingFiveWithThresholdThreeHandsOutFiveDistinctSharesAndStaysSealed() {
        UnsealShares shares = seal.initialise(5, 3);

        assertThat(shares.shares()).hasSize(5).doesNotHaveDuplicates();
        assertThat(shares.threshold()).isEqualTo(3);
        assertThat(shares.toString()).doesNotContain(shares.shares().get(0));
        assertThat(seal.status()).isEqualTo(new SealStatus(true, true, UnsealMode.SHAMIR, 5, 3, 0));
        assertThat(audit.records()).extracting(AuditRecord::action).containsExactly("secrets.vault.initialised");
    }

    @Test
    void theStoredKeyringHoldsNeitherTheSharesNorTheUnsealKey() {
        UnsealShares shares = seal.initialise(5, 3);

        List<byte[]> stored = jdbc.queryForList("select wrapped_key from secret_keyring", byte[].class);
        assertThat(stored).singleElement().satisfies(bytes -> {
            String hex = HexFormat.of().formatHex(bytes);
            shares.shares().forEach(share -> assertThat(hex).doesNotContain(share.substring(share.indexOf('-') + 1)));
        });
    }

    @Test
    void anyThreeOfTheFiveSharesUnseal() {
        List<String> shares = seal.initialise(5, 3).shares();
        int[][] choices = {{0, 1, 2}, {4, 2, 0}, {1, 3, 4}, {3, 0, 4}};

        for (int[] choice : choices) {
            state.seal();
            assertThat(seal.submitShare(shares.get(choice[0])).progress()).isEqualTo(1);
            assertThat(seal.submitShare(shares.get(choice[1])).progress()).isEqualTo(2);
            SealStatus status = seal.submitShare(shares.get(choice[2]));
            assertThat(status.sealed()).as("shares %s", java.util.Arrays.toString(choice)).isFalse();
            assertThat(status.progress()).isZero();
        }
    }

    @Test
    void twoSharesAreNotEnough() {
        List<String> shares = seal.initialise(5, 3).shares();

        seal.submitShare(shares.get(0));
        SealStatus status = seal.submitShare(shares.get(3));

        assertThat(status.sealed()).isTrue();
        assertThat(status.progress()).isEqualTo(2);
        assertThatThrownBy(() -> vault.read("payments/api/prod/db")).isInstanceOf(VaultSealedException.class);
    }

    @Test
    void aForgedShareFailsAtTheThresholdWithoutUnsealingAndResetsProgress() {
        List<String> shares = seal.initialise(5, 3).shares();
        String forged = "3-" + "ab".repeat(32);

        seal.submitShare(shares.get(0));
        seal.submitShare(shares.get(1));
        assertThatThrownBy(() -> seal.submitShare(forged))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("do not open")
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("share");

        assertThat(seal.status().sealed()).isTrue();
        assertThat(seal.status().progress()).isZero();
        assertThat(audit.records()).last().satisfies(record -> {
            assertThat(record.action()).isEqualTo("secrets.vault.unseal");
            assertThat(record.outcome()).isEqualTo(AuditOutcome.FAILURE);
            assertThat(record.details().values()).noneMatch(value -> value.contains(forged.substring(2)));
        });
        seal.submitShare(shares.get(2));
        seal.submitShare(shares.get(3));
        assertThat(seal.submitShare(shares.get(4)).sealed()).isFalse();
    }

    @Test
    void aRepeatedOrMalformedShareIsRefusedAndDoesNotCount() {
        List<String> shares = seal.initialise(5, 3).shares();
        seal.submitShare(shares.get(0));

        assertThatThrownBy(() -> seal.submitShare(shares.get(0)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("already submitted");
        assertThatThrownBy(() -> seal.submitShare("not a share"))
                .isInstanceOf(InvalidInputException.class).hasMessageNotContaining("not a share");
        assertThatThrownBy(() -> seal.submitShare("9-" + "00".repeat(32)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("1 to 5");

        assertThat(seal.status().progress()).isEqualTo(1);
    }

    @Test
    void resetForgetsTheSharesSubmittedSoFar() {
        List<String> shares = seal.initialise(5, 3).shares();
        seal.submitShare(shares.get(0));
        seal.submitShare(shares.get(1));

        assertThat(seal.resetUnseal().progress()).isZero();

        seal.submitShare(shares.get(2));
        seal.submitShare(shares.get(3));
        assertThat(seal.status().sealed()).isTrue();
        assertThat(seal.submitShare(shares.get(0)).sealed()).isFalse();
    }

    @Test
    void secretOperationsAreRefusedWhileSealedAndWorkOnceUnsealed() {
        List<String> shares = seal.initialise(3, 2).shares();
        SecretValue value = SecretValue.of("s3cret".toCharArray());

        assertThatThrownBy(() -> vault.write("payments/api/prod/db", value, null))
                .isInstanceOf(VaultSealedException.class);
        assertThatThrownBy(() -> vault.read("payments/api/prod/db")).isInstanceOf(VaultSealedException.class);
        assertThatThrownBy(() -> vault.list("payments/")).isInstanceOf(VaultSealedException.class);
        assertThatThrownBy(() -> vault.delete("payments/api/prod/db")).isInstanceOf(VaultSealedException.class);

        seal.submitShare(shares.get(2));
        seal.submitShare(shares.get(0));
        vault.write("payments/api/prod/db", value, null);
        assertThat(vault.read("payments/api/prod/db").value().sameAs(value)).isTrue();

        seal.seal();
        assertThatThrownBy(() -> vault.read("payments/api/prod/db")).isInstanceOf(VaultSealedException.class);
    }

    @Test
    void valuesWrittenBeforeARootKeyRotationStillReadAfterItAndAfterUnsealingAgain() {
        List<String> shares = seal.initialise(3, 2).shares();
        seal.submitShare(shares.get(0));
        seal.submitShare(shares.get(1));
        vault.write("payments/api/prod/old", SecretValue.of("before".toCharArray()), null);

        assertThat(seal.rotateRootKey()).isEqualTo(2);
        vault.write("payments/api/prod/new", SecretValue.of("after".toCharArray()), null);
        seal.seal();
        seal.submitShare(shares.get(2));
        seal.submitShare(shares.get(1));

        assertThat(vault.read("payments/api/prod/old").value().chars()).containsExactly("before".toCharArray());
        assertThat(vault.read("payments/api/prod/new").value().chars()).containsExactly("after".toCharArray());
        assertThat(jdbc.queryForList("select key_version from secret_version order by created_at, key_version",
                Integer.class)).containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void withAKeyFileTheVaultInitialisesOnFirstStartAndUnsealsItselfOnEveryStart(@TempDir Path dir) throws Exception {
        Path keyFile = dir.resolve("keys/unseal.key");

        assertThat(seal.unsealFromKeyFile(keyFile)).isEqualTo(new SealStatus(true, false, UnsealMode.KEY_FILE, 0, 0, 0));
        vault.write("payments/api/prod/db", SecretValue.of("s3cret".toCharArray()), null);
        seal.seal();
        assertThat(seal.unsealFromKeyFile(keyFile).sealed()).isFalse();

        assertThat(new String(vault.read("payments/api/prod/db").value().chars())).isEqualTo("s3cret");
        assertThat(Files.size(keyFile)).isEqualTo(32);
        if (Files.getFileStore(keyFile).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        }
        assertThatThrownBy(() -> seal.submitShare("1-" + "00".repeat(32))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void anotherKeyFileDoesNotOpenTheVault(@TempDir Path dir) {
        seal.unsealFromKeyFile(dir.resolve("right.key"));
        seal.seal();

        assertThatThrownBy(() -> seal.unsealFromKeyFile(dir.resolve("wrong.key")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not open");
        assertThat(seal.status().sealed()).isTrue();
    }

    @Test
    void aVaultInitialisedWithSharesRefusesAKeyFile(@TempDir Path dir) {
        seal.initialise(3, 2);

        assertThatThrownBy(() -> seal.unsealFromKeyFile(dir.resolve("unseal.key"))).isInstanceOf(ConflictException.class);
        assertThat(seal.status().sealed()).isTrue();
    }

    @Test
    void theVaultIsInitialisedOnlyOnce() {
        seal.initialise(5, 3);

        assertThatThrownBy(() -> seal.initialise(3, 2)).isInstanceOf(ConflictException.class);
    }

    @Test
    void aThresholdAboveTheShareCountOrOfOneIsRefused() {
        assertThatThrownBy(() -> seal.initialise(3, 4)).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("threshold");
        assertThatThrownBy(() -> seal.initialise(3, 1)).isInstanceOf(InvalidInputException.class);
        assertThat(seal.status().initialised()).isFalse();
    }

    @Test
    void initialisationFailsIfItCannotBeAudited() {
        audit.failFromNowOn(true);

        assertThatThrownBy(() -> seal.initialise(5, 3)).isInstanceOf(IllegalStateException.class);

        assertThat(seal.status().initialised()).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from secret_keyring", Integer.class)).isZero();
    }

    @Test
    void aVaultSealedBeforeTheKeyringKeyExistedIsUpgradedAtItsNextUnsealAndKeepsItsSecrets() {
        List<String> shares = seal.initialise(3, 2).shares();
        seal.submitShare(shares.get(0));
        seal.submitShare(shares.get(1));
        vault.write("payments/api/prod/db", SecretValue.of("kept".toCharArray()), null);
        // The earlier layout: root key version 1 directly under the unseal key, no keyring key.
        byte[] unsealKey = ShamirUnsealKey.join(List.of(UnsealShare.parse(shares.get(0), 3),
                UnsealShare.parse(shares.get(1), 3)));
        byte[] legacy = new AesGcm(new SecureRandom()).encrypt(AesGcm.key(unsealKey),
                state.keyring().version(1).getEncoded(), "gantry-keyring/v1|1".getBytes(StandardCharsets.UTF_8));
        jdbc.update("update secret_keyring set wrapped_key = ? where key_version = 1", (Object) legacy);
        jdbc.update("update secret_seal set wrapped_keyring_key = null");
        seal.seal();

        seal.submitShare(shares.get(2));
        assertThat(seal.submitShare(shares.get(0)).sealed()).isFalse();

        assertThat(new String(vault.read("payments/api/prod/db").value().chars())).isEqualTo("kept");
        assertThat(jdbc.queryForObject("select count(*) from secret_seal where wrapped_keyring_key is not null",
                Integer.class)).isEqualTo(1);
        assertThat(audit.records()).extracting(AuditRecord::action).contains("secrets.keyring.upgraded");
        seal.seal();
        seal.submitShare(shares.get(1));
        assertThat(seal.submitShare(shares.get(2)).sealed()).as("the upgraded layout unseals again").isFalse();
    }

    @Test
    @WithMockUser(username = "eve", roles = "ENGINEER")
    void onlyASecretsAdministratorMayInitialiseOrSubmitShares() {
        assertThatThrownBy(() -> seal.initialise(5, 3)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> seal.submitShare("1-" + "00".repeat(32))).isInstanceOf(AccessDeniedException.class);
    }
}
