package dev.gantry.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.gantry.access.testing.AuditAndClockTestConfiguration;
import dev.gantry.access.testing.Concurrently;
import dev.gantry.access.testing.MutableClock;
import dev.gantry.access.testing.RecordingAuditTrail;
import dev.gantry.access.testing.SignedIn;
import dev.gantry.domain.audit.AuditOutcome;
import dev.gantry.domain.audit.AuditRecord;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/** TOTP enrolment, verification and recovery codes against a real database; subclasses choose which. */
@SpringBootTest(classes = AccessTestApplication.class)
@Import(AuditAndClockTestConfiguration.class)
abstract class TotpMfaIntegrationTests {

    private static final String ALICE = "alice";
    private static final String BOB = "bob";

    @Autowired
    TotpMfa mfa;

    @Autowired
    MutableClock clock;

    @Autowired
    RecordingAuditTrail audit;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${gantry.keys.dir}")
    Path keysDir;

    @BeforeEach
    void startClean() {
        jdbc.update("delete from access_recovery_code");
        jdbc.update("delete from access_mfa");
        clock.set(AuditAndClockTestConfiguration.START);
        audit.clear();
    }

    @AfterEach
    void auditWorksAgain() {
        audit.failFromNowOn(false);
    }

    @Test
    @WithMockUser(username = ALICE)
    void enrolmentRoundTripActivatesMfaAndHandsOutTenRecoveryCodes() {
        TotpEnrolment enrolment = mfa.beginEnrolment(ALICE);

        assertThat(mfa.status(ALICE)).isEqualTo(MfaStatus.PENDING);
        assertThat(Totp.base32Decode(enrolment.secretBase32())).hasSize(20);
        assertThat(enrolment.otpauthUri()).isEqualTo("otpauth://totp/Gantry:alice?secret=" + enrolment.secretBase32()
                + "&issuer=Gantry&algorithm=SHA1&digits=6&period=30");
        assertThat(enrolment.toString()).doesNotContain(enrolment.secretBase32());

        List<String> recoveryCodes = mfa.confirmEnrolment(ALICE, codeNow(enrolment));

        assertThat(mfa.status(ALICE)).isEqualTo(MfaStatus.ACTIVE);
        assertThat(recoveryCodes).hasSize(10).doesNotHaveDuplicates()
                .allMatch(code -> code.matches("[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}"));
        assertThat(mfa.remainingRecoveryCodes(ALICE)).isEqualTo(10);
        assertThat(audit.recordsFor("user:alice")).extracting(AuditRecord::action, AuditRecord::outcome)
                .containsExactly(
                        tuple("mfa.enrolment.started", AuditOutcome.SUCCESS),
                        tuple("mfa.enrolled", AuditOutcome.SUCCESS));
        assertNoSecretIn(audit.records(), enrolment, recoveryCodes);
    }

    @Test
    @WithMockUser(username = ALICE)
    void aWrongConfirmationCodeKeepsTheEnrolmentPendingAndIsAudited() {
        TotpEnrolment enrolment = mfa.beginEnrolment(ALICE);

        assertThatThrownBy(() -> mfa.confirmEnrolment(ALICE, wrongCode(enrolment)))
                .isInstanceOf(InvalidMfaCodeException.class)
                .hasMessageContaining("does not match");

        assertThat(mfa.status(ALICE)).isEqualTo(MfaStatus.PENDING);
        assertThat(audit.recordsFor("user:alice")).last().satisfies(record -> {
            assertThat(record.action()).isEqualTo("mfa.enrolment.confirm");
            assertThat(record.outcome()).isEqualTo(AuditOutcome.FAILURE);
        });
        assertThat(mfa.confirmEnrolment(ALICE, codeNow(enrolment))).hasSize(10);
    }

    @Test
    @WithMockUser(username = ALICE)
    void beginningAgainReplacesAPendingSecret() {
        TotpEnrolment first = mfa.beginEnrolment(ALICE);
        TotpEnrolment second = mfa.beginEnrolment(ALICE);

        assertThat(second.secretBase32()).isNotEqualTo(first.secretBase32());
        assertThatThrownBy(() -> mfa.confirmEnrolment(ALICE, codeNow(first))).isInstanceOf(InvalidMfaCodeException.class);
        assertThat(mfa.confirmEnrolment(ALICE, codeNow(second))).hasSize(10);
    }

    @Test
    @WithMockUser(username = ALICE)
    void anActiveEnrolmentIsNotReplacedByBeginningAgain() {
        TotpEnrolment enrolment = enrolAlice();

        assertThatThrownBy(() -> mfa.beginEnrolment(ALICE))
                .isInstanceOf(MfaStateException.class)
                .hasMessageContaining("reset");

        clock.advance(Duration.ofSeconds(30));
        assertThat(mfa.verify(ALICE, codeNow(enrolment))).isTrue();
    }

    @Test
    @WithMockUser(username = BOB)
    void nobodyCanStartAnEnrolmentForSomeoneElse() {
        assertThatThrownBy(() -> mfa.beginEnrolment(ALICE)).isInstanceOf(AccessDeniedException.class);
        assertThat(mfa.status(ALICE)).isEqualTo(MfaStatus.NONE);
    }

    @Test
    @WithMockUser(username = ALICE)
    void theConfirmationCodeCannotBeUsedAgainToSignIn() {
        TotpEnrolment enrolment = mfa.beginEnrolment(ALICE);
        String code = codeNow(enrolment);
        mfa.confirmEnrolment(ALICE, code);

        assertThat(mfa.verify(ALICE, code)).isFalse();
    }

    @Test
    @WithMockUser(username = ALICE)
    void aUsedCodeIsRefusedTheSecondTime() {
        TotpEnrolment enrolment = enrolAlice();
        clock.advance(Duration.ofSeconds(30));
        String code = codeNow(enrolment);

        assertThat(mfa.verify(ALICE, code)).isTrue();
        assertThat(mfa.verify(ALICE, code)).isFalse();

        clock.advance(Duration.ofSeconds(30));
        assertThat(mfa.verify(ALICE, codeNow(enrolment))).isTrue();
    }

    @Test
    @WithMockUser(username = ALICE)
    void codesOfOneStepEitherSideAreAcceptedAndNoFurther() {
        TotpEnrolment enrolment = enrolAlice();
        byte[] secret = Totp.base32Decode(enrolment.secretBase32());
        clock.advance(Duration.ofMinutes(5));
        long now = Totp.step(clock.instant());

        assertThat(mfa.verify(ALICE, Totp.code(secret, now - 2, 6))).isFalse();
        assertThat(mfa.verify(ALICE, Totp.code(secret, now - 1, 6))).isTrue();
        assertThat(mfa.verify(ALICE, Totp.code(secret, now + 2, 6))).isFalse();
        assertThat(mfa.verify(ALICE, Totp.code(secret, now + 1, 6))).isTrue();
    }

    @Test
    @WithMockUser(username = ALICE)
    void aCodeFromALaterStepMakesCodesOfEarlierStepsUnusable() {
        TotpEnrolment enrolment = enrolAlice();
        byte[] secret = Totp.base32Decode(enrolment.secretBase32());
        clock.advance(Duration.ofMinutes(5));
        long now = Totp.step(clock.instant());

        assertThat(mfa.verify(ALICE, Totp.code(secret, now + 1, 6))).isTrue();
        assertThat(mfa.verify(ALICE, Totp.code(secret, now, 6))).isFalse();
        assertThat(mfa.verify(ALICE, Totp.code(secret, now - 1, 6))).isFalse();
    }

    @Test
    @WithMockUser(username = ALICE)
    void concurrentRequestsWithTheSameCodeSucceedExactlyOnce() throws Exception {
        TotpEnrolment enrolment = enrolAlice();
        for (int round = 0; round < 5; round++) {
            clock.advance(Duration.ofSeconds(30));
            String code = codeNow(enrolment);

            List<Boolean> results = Concurrently.run(8, () -> mfa.verify(ALICE, code));

            assertThat(results).as("round %d", round).containsOnlyOnce(true).hasSize(8);
        }
    }

    @Test
    @WithMockUser(username = ALICE)
    void aCodeIsRefusedForAUserWithoutActiveMfa() {
        TotpEnrolment pending = mfa.beginEnrolment(ALICE);

        assertThat(mfa.verify(ALICE, codeNow(pending))).isFalse();
        assertThat(mfa.verify(BOB, "123456")).isFalse();
    }

    @Test
    @WithMockUser(username = ALICE)
    void aRecoveryCodeWorksOnceWhateverItsCaseSpacesAndDash() {
        List<String> codes = mfa.confirmEnrolment(ALICE, codeNow(mfa.beginEnrolment(ALICE)));
        String typed = " " + codes.get(3).replace("-", " ").toUpperCase(Locale.ROOT) + " ";

        assertThat(mfa.useRecoveryCode(ALICE, typed)).isTrue();
        assertThat(mfa.useRecoveryCode(ALICE, codes.get(3))).isFalse();
        assertThat(mfa.remainingRecoveryCodes(ALICE)).isEqualTo(9);
        assertThat(audit.recordsFor("user:alice")).last().satisfies(record -> {
            assertThat(record.action()).isEqualTo("mfa.recovery-code.used");
            assertThat(record.details()).containsEntry("remaining", "9");
        });
        assertNoSecretIn(audit.records(), null, codes);
    }

    @Test
    @WithMockUser(username = ALICE)
    void recoveryCodesOfOneUserDoNotWorkForAnother() {
        List<String> aliceCodes = mfa.confirmEnrolment(ALICE, codeNow(mfa.beginEnrolment(ALICE)));

        assertThat(mfa.useRecoveryCode(BOB, aliceCodes.get(0))).isFalse();
        assertThat(mfa.useRecoveryCode(ALICE, "not a code")).isFalse();
        assertThat(mfa.remainingRecoveryCodes(ALICE)).isEqualTo(10);
    }

    @Test
    @WithMockUser(username = ALICE)
    void concurrentUsesOfOneRecoveryCodeSucceedExactlyOnce() throws Exception {
        List<String> codes = mfa.confirmEnrolment(ALICE, codeNow(mfa.beginEnrolment(ALICE)));

        List<Boolean> results = Concurrently.run(8, () -> mfa.useRecoveryCode(ALICE, codes.get(0)));

        assertThat(results).containsOnlyOnce(true).hasSize(8);
        assertThat(mfa.remainingRecoveryCodes(ALICE)).isEqualTo(9);
        assertThat(audit.recordsFor("user:alice")).filteredOn(r -> r.action().equals("mfa.recovery-code.used"))
                .hasSize(1);
    }

    @Test
    @WithMockUser(username = ALICE)
    void regeneratingRecoveryCodesNeedsAFreshCodeAndVoidsTheOldOnes() {
        TotpEnrolment enrolment = mfa.beginEnrolment(ALICE);
        String confirmation = codeNow(enrolment);
        List<String> old = mfa.confirmEnrolment(ALICE, confirmation);
        mfa.useRecoveryCode(ALICE, old.get(0));

        assertThatThrownBy(() -> mfa.regenerateRecoveryCodes(ALICE, confirmation))
                .isInstanceOf(InvalidMfaCodeException.class);
        assertThat(audit.recordsFor("user:alice")).last().extracting(AuditRecord::action, AuditRecord::outcome)
                .containsExactly("mfa.recovery-codes.regenerate", AuditOutcome.FAILURE);

        clock.advance(Duration.ofSeconds(30));
        List<String> fresh = mfa.regenerateRecoveryCodes(ALICE, codeNow(enrolment));

        assertThat(fresh).hasSize(10).doesNotContainAnyElementsOf(old);
        assertThat(mfa.remainingRecoveryCodes(ALICE)).isEqualTo(10);
        assertThat(mfa.useRecoveryCode(ALICE, old.get(1))).isFalse();
        assertThat(mfa.useRecoveryCode(ALICE, fresh.get(1))).isTrue();
        assertThat(audit.recordsFor("user:alice")).extracting(AuditRecord::action)
                .contains("mfa.recovery-codes.regenerated");
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void anAdministratorResetLetsTheUserEnrolAgain() {
        enrolAs(ALICE);

        mfa.reset(ALICE);

        assertThat(mfa.status(ALICE)).isEqualTo(MfaStatus.NONE);
        assertThat(mfa.remainingRecoveryCodes(ALICE)).isZero();
        assertThat(audit.recordsFor("user:alice")).last().satisfies(record -> {
            assertThat(record.action()).isEqualTo("mfa.reset");
            assertThat(record.actor()).isEqualTo("admin");
            assertThat(record.details()).containsEntry("previousStatus", "ACTIVE");
        });
        enrolAs(ALICE);
        assertThat(mfa.status(ALICE)).isEqualTo(MfaStatus.ACTIVE);
    }

    @Test
    @WithMockUser(username = ALICE, roles = "ENGINEER")
    void onlyAnAdministratorMayResetMfa() {
        enrolAlice();

        assertThatThrownBy(() -> mfa.reset(ALICE)).isInstanceOf(AccessDeniedException.class);
        assertThat(mfa.status(ALICE)).isEqualTo(MfaStatus.ACTIVE);
    }

    @Test
    @WithMockUser(username = ALICE)
    void theStoredSecretIsEncryptedAndBoundToItsUser() {
        TotpEnrolment enrolment = enrolAlice();
        byte[] secret = Totp.base32Decode(enrolment.secretBase32());
        String stored = jdbc.queryForObject("select secret_ciphertext from access_mfa where username = ?",
                String.class, ALICE);

        assertThat(stored).doesNotContain(enrolment.secretBase32());
        assertThat(indexOf(Base64.getDecoder().decode(stored), secret)).isEqualTo(-1);

        jdbc.update("insert into access_mfa (username, status, secret_ciphertext, last_used_step, created_at) "
                + "values (?, 'ACTIVE', ?, -1, current_timestamp)", BOB, stored);
        clock.advance(Duration.ofSeconds(30));
        assertThatThrownBy(() -> mfa.verify(BOB, codeNow(enrolment)))
                .isInstanceOf(UnreadableMfaSecretException.class)
                .hasMessageNotContaining(enrolment.secretBase32());
    }

    @Test
    @WithMockUser(username = ALICE)
    void theKeyFileIsReadableByItsOwnerOnly() throws Exception {
        enrolAlice();

        Path keyFile = keysDir.resolve("mfa.key");
        assertThat(keyFile).exists();
        assertThat(Files.size(keyFile)).isEqualTo(32);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        }
    }

    @Test
    @WithMockUser(username = ALICE)
    void anEnrolmentWhoseAuditEntryCannotBeWrittenDoesNotHappen() {
        audit.failFromNowOn(true);

        assertThatThrownBy(() -> mfa.beginEnrolment(ALICE)).hasMessageContaining("audit");

        assertThat(mfa.status(ALICE)).isEqualTo(MfaStatus.NONE);
    }

    private TotpEnrolment enrolAlice() {
        return enrolAs(ALICE);
    }

    /** Enrols as the user would, whoever the test is signed in as. */
    private TotpEnrolment enrolAs(String username) {
        return SignedIn.as(username, "ENGINEER", () -> {
            TotpEnrolment enrolment = mfa.beginEnrolment(username);
            mfa.confirmEnrolment(username, codeNow(enrolment));
            return enrolment;
        });
    }

    private String codeNow(TotpEnrolment enrolment) {
        return Totp.codeAt(Totp.base32Decode(enrolment.secretBase32()), clock.instant());
    }

    /** A code that is none of the three the window accepts now. */
    private String wrongCode(TotpEnrolment enrolment) {
        byte[] secret = Totp.base32Decode(enrolment.secretBase32());
        long step = Totp.step(clock.instant());
        List<String> accepted = List.of(Totp.code(secret, step - 1, 6), Totp.code(secret, step, 6),
                Totp.code(secret, step + 1, 6));
        for (int candidate = 0; ; candidate++) {
            String code = String.format(Locale.ROOT, "%06d", candidate);
            if (!accepted.contains(code)) {
                return code;
            }
        }
    }

    private static void assertNoSecretIn(List<AuditRecord> records, @Nullable TotpEnrolment enrolment, List<String> codes) {
        for (AuditRecord record : records) {
            String text = record.toString();
            if (enrolment != null) {
                assertThat(text).doesNotContain(enrolment.secretBase32());
            }
            for (String code : codes) {
                assertThat(text).doesNotContain(code).doesNotContain(code.replace("-", ""));
            }
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
