package dev.gantry.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.access.testing.RecordingAuditTrail;
import dev.gantry.access.testing.SignedIn;
import dev.gantry.domain.InvalidInputException;
import dev.gantry.domain.NotFoundException;
import dev.gantry.domain.audit.AuditOutcome;
import dev.gantry.domain.audit.AuditRecord;
import dev.gantry.secrets.internal.export.SealedSecretHpke;
import dev.gantry.secrets.internal.seal.SealState;
import dev.gantry.secrets.testing.RecordingAuditConfiguration;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/** Sealing secrets for a repository and importing them into the vault; subclasses choose the database. */
@SpringBootTest(classes = SecretsTestApplication.class)
@Import(RecordingAuditConfiguration.class)
@WithMockUser(username = "erin", authorities = "TEAM:payments:ENGINEER")
abstract class SealedExportIntegrationTests {

    private static final String PATH = "payments/api/prod/db-password";
    private static final String CANARY = "canary-export-3c1e-never-in-the-file";

    @Autowired
    SealedExport export;

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

    @BeforeEach
    void unsealedAndEmpty() {
        VaultFixtures.wipe(jdbc, state);
        SignedIn.as("keeper", "SECRETS_ADMIN", () -> VaultFixtures.initialisedAndUnsealed(seal));
        audit.clear();
    }

    @Test
    void aValueSealedForAPathImportsThereAsTheNextVersion() {
        String sealed = export.sealForRepository(PATH, value(CANARY));

        assertThat(sealed).contains("Path: " + PATH).doesNotContain(CANARY);
        assertThatThrownBy(() -> vault.read(PATH)).as("sealing stores nothing").isInstanceOf(NotFoundException.class);
        SecretVersionInfo imported = export.importSealed(sealed);

        assertThat(imported.version()).isEqualTo(1);
        assertThat(new String(vault.read(PATH).value().chars())).isEqualTo(CANARY);
        assertThat(audit.records()).extracting(AuditRecord::action).containsSubsequence(
                "secrets.sealed-export.key-created", "secret.sealed-for-repository", "secret.written",
                "secret.sealed-imported");
        assertThat(audit.records()).allSatisfy(record -> assertThat(record.toString()).doesNotContain(CANARY));
    }

    @Test
    void aSealedFileRenamedToAnotherPathDoesNotOpenAndNothingIsWritten() {
        String sealed = export.sealForRepository(PATH, value(CANARY));
        String moved = sealed.replace(PATH, "payments/api/prod/other");

        assertThatThrownBy(() -> export.importSealed(moved)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("does not open");

        assertThatThrownBy(() -> vault.read("payments/api/prod/other")).isInstanceOf(NotFoundException.class);
        assertThat(audit.records()).last().satisfies(record -> {
            assertThat(record.action()).isEqualTo("secret.sealed-import");
            assertThat(record.outcome()).isEqualTo(AuditOutcome.FAILURE);
            assertThat(record.details()).containsEntry("reason", "does not open");
        });
    }

    @Test
    void flippingAnyByteOfTheEncapsulatedKeyOrTheCiphertextIsDetected() {
        SealedSecretFile file = SealedSecretFile.parse(export.sealForRepository(PATH, value("short")));

        for (int i = 0; i < file.enc().length; i++) {
            byte[] enc = file.enc();
            enc[i] ^= 0x01;
            String tampered = new SealedSecretFile(file.keyId(), file.path(), enc, file.ciphertext()).format();
            assertThatThrownBy(() -> export.importSealed(tampered)).as("enc byte %d", i)
                    .isInstanceOf(InvalidInputException.class);
        }
        for (int i = 0; i < file.ciphertext().length; i++) {
            byte[] ciphertext = file.ciphertext();
            ciphertext[i] ^= 0x01;
            String tampered = new SealedSecretFile(file.keyId(), file.path(), file.enc(), ciphertext).format();
            assertThatThrownBy(() -> export.importSealed(tampered)).as("ciphertext byte %d", i)
                    .isInstanceOf(InvalidInputException.class);
        }
        assertThat(jdbc.queryForObject("select count(*) from secret_version", Integer.class)).isZero();
    }

    @Test
    void filesSealedToAnOlderKeyGenerationStillOpenAfterANewGeneration() {
        String old = export.sealForRepository(PATH, value("sealed-to-generation-1"));
        ExportPublicKey first = export.publicKey();

        ExportPublicKey second = SignedIn.as("keeper", "SECRETS_ADMIN", () -> export.newGeneration());
        String fresh = export.sealForRepository("payments/api/prod/other", value("sealed-to-generation-2"));

        assertThat(second.generation()).isEqualTo(2);
        assertThat(second.keyId()).isNotEqualTo(first.keyId());
        assertThat(SealedSecretFile.parse(fresh).keyId()).isEqualTo(second.keyId());
        assertThat(export.generations()).extracting(ExportPublicKey::generation, ExportPublicKey::current)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, false),
                        org.assertj.core.groups.Tuple.tuple(2, true));
        export.importSealed(old);
        export.importSealed(fresh);
        assertThat(new String(vault.read(PATH).value().chars())).isEqualTo("sealed-to-generation-1");
        assertThat(new String(vault.read("payments/api/prod/other").value().chars()))
                .isEqualTo("sealed-to-generation-2");
    }

    @Test
    void ciSealsWithThePublicKeyAloneAndTheVaultOpensIt() {
        ExportPublicKey key = export.publicKey();

        String fromPem = PublicKeySealer.fromPublicKey(key.pem()).seal(PATH, value("via-pem"));
        String fromBase64 = PublicKeySealer.fromPublicKey(key.base64()).seal(PATH, value("via-base64"));

        assertThat(export.importSealed(fromPem).version()).isEqualTo(1);
        assertThat(export.importSealed(fromBase64).version()).isEqualTo(2);
        assertThat(new String(vault.read(PATH, 1).value().chars())).isEqualTo("via-pem");
        assertThat(new String(vault.read(PATH, 2).value().chars())).isEqualTo("via-base64");
    }

    @Test
    void aFileSealedForAnotherVaultIsRefusedByItsKeyId() {
        SealedSecretHpke.KeyPair stranger = SealedSecretHpke.newKeyPair();
        String sealed = PublicKeySealer.fromPublicKey(Base64.getEncoder().encodeToString(stranger.publicKey()))
                .seal(PATH, value(CANARY));

        assertThatThrownBy(() -> export.importSealed(sealed)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is not one of this vault's sealing keys");
    }

    @Test
    void anEmptyValueSealedByAnotherToolIsRefusedAndNothingIsWritten() {
        ExportPublicKey key = export.publicKey();
        SealedSecretFile unsealed = new SealedSecretFile(key.keyId(), PATH, new byte[0], new byte[0]);
        SealedSecretHpke.Sealed sealed = SealedSecretHpke.seal(Base64.getDecoder().decode(key.base64()),
                SealedSecretFile.info(), unsealed.associatedData(), new byte[0]);
        String text = new SealedSecretFile(key.keyId(), PATH, sealed.enc(), sealed.ciphertext()).format();

        assertThatThrownBy(() -> export.importSealed(text)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("must hold 1 to");

        assertThat(jdbc.queryForObject("select count(*) from secret_version", Integer.class)).isZero();
    }

    @Test
    void thePrivateKeyIsStoredOnlyWrappedByTheRootKey() {
        ExportPublicKey key = export.publicKey();

        var row = jdbc.queryForMap("select public_key, key_version, wrapped_private_key from secret_export_key");
        assertThat((byte[]) row.get("public_key")).isEqualTo(Base64.getDecoder().decode(key.base64()));
        assertThat(row.get("key_version")).isEqualTo(1);
        assertThat(((byte[]) row.get("wrapped_private_key")).length).as("nonce, 32 key bytes, tag").isEqualTo(60);
    }

    @Test
    @WithMockUser(username = "victor", roles = "VIEWER")
    void importingNeedsThePermissionToWriteThePathAndADenialIsAudited() {
        String sealed = export.sealForRepository(PATH, value(CANARY));

        assertThatThrownBy(() -> export.importSealed(sealed)).isInstanceOf(AccessDeniedException.class);

        assertThat(jdbc.queryForObject("select count(*) from secret_version", Integer.class)).isZero();
        assertThat(audit.records()).last().satisfies(record -> {
            assertThat(record.action()).isEqualTo("secret.written");
            assertThat(record.outcome()).isEqualTo(AuditOutcome.DENIED);
        });
    }

    @Test
    void anyoneSignedInGetsThePublicKeyButOnlyASecretsAdministratorGeneratesANewOne() {
        assertThat(export.publicKey().generation()).isEqualTo(1);

        assertThatThrownBy(() -> export.newGeneration()).isInstanceOf(AccessDeniedException.class);

        assertThat(export.generations()).singleElement().extracting(ExportPublicKey::generation).isEqualTo(1);
    }

    private static SecretValue value(String plain) {
        return SecretValue.of(plain.toCharArray());
    }
}
