package dev.gantry.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.access.testing.RecordingAuditTrail;
import dev.gantry.access.testing.SignedIn;
import dev.gantry.domain.ConflictException;
import dev.gantry.domain.InvalidInputException;
import dev.gantry.domain.audit.AuditOutcome;
import dev.gantry.domain.audit.AuditRecord;
import dev.gantry.secrets.internal.seal.SealState;
import dev.gantry.secrets.testing.RecordingAuditConfiguration;
import java.nio.file.Path;
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

/** Replacing the unseal key with a quorum of the current shares; subclasses choose the database. */
@SpringBootTest(classes = SecretsTestApplication.class)
@Import(RecordingAuditConfiguration.class)
@WithMockUser(username = "keeper", roles = "SECRETS_ADMIN")
abstract class VaultRekeyIntegrationTests {

    private static final String PATH = "payments/api/prod/db-password";

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

    List<String> oldShares;

    @BeforeEach
    void unsealedWithThreeSharesOfWhichTwoUnseal() {
        VaultFixtures.wipe(jdbc, state);
        oldShares = SignedIn.as("keeper", "SECRETS_ADMIN", () -> {
            List<String> shares = VaultFixtures.initialisedAndUnsealed(seal);
            vault.write(PATH, SecretValue.of("before-rekey".toCharArray()), null);
            return shares;
        });
        audit.clear();
    }

    @AfterEach
    void auditWorksAgain() {
        audit.failFromNowOn(false);
    }

    @Test
    void rekeyMakesTheOldSharesUselessAndTheNewSharesUnseal() {
        RekeyStatus started = seal.startRekey(5, 3);
        assertThat(started).isEqualTo(new RekeyStatus(true, started.nonce(), 5, 3, 2, 0));

        RekeyOutcome first = seal.submitRekeyShare(started.nonce(), oldShares.get(2));
        assertThat(first).isInstanceOf(RekeyOutcome.Pending.class);
        assertThat(((RekeyOutcome.Pending) first).status().progress()).isEqualTo(1);
        RekeyOutcome done = seal.submitRekeyShare(started.nonce(), oldShares.get(0));

        List<String> newShares = ((RekeyOutcome.Completed) done).shares().shares();
        assertThat(newShares).hasSize(5).doesNotContainAnyElementsOf(oldShares);
        assertThat(seal.status()).isEqualTo(new SealStatus(true, false, UnsealMode.SHAMIR, 5, 3, 0));
        assertThat(seal.rekeyStatus().inProgress()).isFalse();
        assertThat(read(PATH)).as("still unsealed after the rekey").isEqualTo("before-rekey");

        seal.seal();
        seal.submitShare(oldShares.get(0));
        seal.submitShare(oldShares.get(1));
        assertThatThrownBy(() -> seal.submitShare(oldShares.get(2)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("do not open");
        assertThat(seal.status().sealed()).isTrue();

        seal.submitShare(newShares.get(4));
        seal.submitShare(newShares.get(1));
        assertThat(seal.submitShare(newShares.get(3)).sealed()).isFalse();
        assertThat(read(PATH)).isEqualTo("before-rekey");
        assertThat(audit.records()).extracting(AuditRecord::action).containsSubsequence(
                "secrets.vault.rekey-started", "secrets.vault.rekeyed", "secrets.vault.sealed",
                "secrets.vault.unseal", "secrets.vault.unsealed");
        assertThat(audit.records()).allSatisfy(record -> newShares.forEach(share ->
                assertThat(record.toString()).doesNotContain(share.substring(2))));
    }

    @Test
    void aCancelledRekeyLeavesTheOldSharesValidAndItsNonceCountsForNothing() {
        String nonce = seal.startRekey(3, 2).nonce();
        seal.submitRekeyShare(nonce, oldShares.get(0));

        RekeyStatus cancelled = seal.cancelRekey();

        assertThat(cancelled.inProgress()).isFalse();
        assertThat(cancelled.progress()).isZero();
        assertThatThrownBy(() -> seal.submitRekeyShare(nonce, oldShares.get(1)))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("nonce");
        String next = seal.startRekey(3, 2).nonce();
        assertThat(next).isNotEqualTo(nonce);
        assertThat(seal.rekeyStatus().progress()).as("the new rekey starts from zero").isZero();
        seal.cancelRekey();
        seal.seal();
        seal.submitShare(oldShares.get(1));
        assertThat(seal.submitShare(oldShares.get(2)).sealed()).isFalse();
        assertThat(audit.records()).extracting(AuditRecord::action).containsSubsequence(
                "secrets.vault.rekey-started", "secrets.vault.rekey-cancelled", "secrets.vault.rekey-started",
                "secrets.vault.rekey-cancelled");
    }

    @Test
    void sharesThatDoNotOpenTheVaultResetTheRekeyProgressAndAreAudited() {
        String nonce = seal.startRekey(3, 2).nonce();
        String forged = "3-" + "5a".repeat(32);
        seal.submitRekeyShare(nonce, oldShares.get(0));

        assertThatThrownBy(() -> seal.submitRekeyShare(nonce, forged))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("do not open");

        assertThat(seal.rekeyStatus()).satisfies(status -> {
            assertThat(status.inProgress()).isTrue();
            assertThat(status.progress()).isZero();
        });
        assertThat(audit.records()).last().satisfies(record -> {
            assertThat(record.action()).isEqualTo("secrets.vault.rekey");
            assertThat(record.outcome()).isEqualTo(AuditOutcome.FAILURE);
        });
        seal.submitRekeyShare(nonce, oldShares.get(1));
        assertThat(seal.submitRekeyShare(nonce, oldShares.get(2))).isInstanceOf(RekeyOutcome.Completed.class);
    }

    @Test
    void aRepeatedShareDoesNotCountTwice() {
        String nonce = seal.startRekey(3, 2).nonce();
        seal.submitRekeyShare(nonce, oldShares.get(0));

        assertThatThrownBy(() -> seal.submitRekeyShare(nonce, oldShares.get(0)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("already submitted");
        assertThat(seal.rekeyStatus().progress()).isEqualTo(1);
    }

    @Test
    void onlyOneRekeyRunsAtATimeAndOnlyOnAnUnsealedVaultWithShares(@TempDir Path dir) {
        seal.startRekey(3, 2);
        assertThatThrownBy(() -> seal.startRekey(4, 2)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> seal.startRekey(2, 3)).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("threshold");

        seal.seal();
        assertThat(seal.rekeyStatus().inProgress()).as("sealing drops the rekey").isFalse();
        assertThatThrownBy(() -> seal.startRekey(3, 2)).isInstanceOf(VaultSealedException.class);

        VaultFixtures.wipe(jdbc, state);
        seal.unsealFromKeyFile(dir.resolve("unseal.key"));
        assertThatThrownBy(() -> seal.startRekey(3, 2)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("key file");
    }

    @Test
    void aRekeyThatCannotBeAuditedLeavesTheOldSharesInForce() {
        String nonce = seal.startRekey(3, 2).nonce();
        seal.submitRekeyShare(nonce, oldShares.get(0));
        audit.failFromNowOn(true);

        assertThatThrownBy(() -> seal.submitRekeyShare(nonce, oldShares.get(1)))
                .isInstanceOf(IllegalStateException.class);

        audit.failFromNowOn(false);
        assertThat(seal.status().shares()).isEqualTo(3);
        seal.seal();
        seal.submitShare(oldShares.get(1));
        assertThat(seal.submitShare(oldShares.get(2)).sealed()).isFalse();
    }

    @Test
    @WithMockUser(username = "erin", authorities = "TEAM:payments:ENGINEER")
    void onlyASecretsAdministratorMayRekey() {
        assertThatThrownBy(() -> seal.startRekey(3, 2)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> seal.submitRekeyShare("x", oldShares.get(0)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> seal.cancelRekey()).isInstanceOf(AccessDeniedException.class);
    }

    private String read(String path) {
        return SignedIn.withAuthority("erin", "TEAM:payments:ENGINEER",
                () -> new String(vault.read(path).value().chars()));
    }
}
