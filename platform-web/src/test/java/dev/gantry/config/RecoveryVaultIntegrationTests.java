package dev.gantry.config;

import static dev.gantry.testing.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import dev.gantry.access.testing.TestDatabases;
import dev.gantry.domain.InvalidInputException;
import dev.gantry.domain.Role;
import dev.gantry.recovery.BackupKey;
import dev.gantry.recovery.BackupKeys;
import dev.gantry.recovery.BackupPlan;
import dev.gantry.recovery.BackupPlanDraft;
import dev.gantry.recovery.BackupPlans;
import dev.gantry.recovery.BackupPoint;
import dev.gantry.recovery.BackupReader;
import dev.gantry.recovery.BackupService;
import dev.gantry.recovery.BackupWriter;
import dev.gantry.recovery.DirectoryLocation;
import dev.gantry.recovery.DrillPlan;
import dev.gantry.recovery.DrillPlanDraft;
import dev.gantry.recovery.DrillPlans;
import dev.gantry.recovery.DrillReport;
import dev.gantry.recovery.DrillVerdict;
import dev.gantry.recovery.EscrowedKey;
import dev.gantry.recovery.KeepRules;
import dev.gantry.recovery.KeyEscrow;
import dev.gantry.recovery.LocationSpec;
import dev.gantry.recovery.ManifestSigning;
import dev.gantry.recovery.PointState;
import dev.gantry.recovery.RestoreDrills;
import dev.gantry.recovery.ScratchSpec;
import dev.gantry.recovery.SourceSpec;
import dev.gantry.recovery.Validation;
import dev.gantry.secrets.SecretValue;
import dev.gantry.secrets.SecretVault;
import dev.gantry.secrets.VaultSeal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Backup keys and database passwords in the real vault of the whole application (unsealed from its key file at
 * start-up): keys moved in from the files of before, backups and drills with vault keys, a sealed vault, and plans
 * that name a password in the vault. On H2 and, with the {@code postgres} profile, on PostgreSQL.
 */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
abstract class RecoveryVaultIntegrationTests {

    @Autowired BackupKeys keys;
    @Autowired BackupPlans plans;
    @Autowired BackupService backups;
    @Autowired DrillPlans drillPlans;
    @Autowired RestoreDrills drills;
    @Autowired KeyEscrow escrow;
    @Autowired RecoveryDefaults defaults;
    @Autowired SecretVault vault;
    @Autowired VaultSeal seal;
    @Autowired VaultUnsealing unsealing;
    @Autowired JdbcTemplate jdbc;
    @Value("${gantry.recovery.key-dir}") Path keyDirectory;

    @BeforeEach
    void vaultUnsealed() {
        if (seal.status().sealed()) {
            as("keeper", () -> unsealing.unsealFromKeyFile(), "ROLE_SECRETS_ADMIN");
        }
    }

    @Test
    void keyFilesOfOlderBackupsMoveIntoTheVaultUnderTheirIdsAndThoseBackupsStillOpen() throws Exception {
        forgetRecoveryKeysInTheVault();
        OldKeyFiles old = OldKeyFiles.writtenTo(keyDirectory);
        Path location = Files.createTempDirectory(defaults.scratchDirectory().getParent(), "old-backups");
        byte[] content = "written while the keys lived in files".getBytes(StandardCharsets.UTF_8);
        try (BackupWriter writer = BackupWriter.create("before-the-vault", old.key(), old.signing().getPrivate(),
                Clock.systemUTC(), List.of(new DirectoryLocation(location)))) {
            writer.write(content);
        }

        BackupKey moved = keys.byId(old.keyId());
        try (InputStream in = BackupReader.open(new DirectoryLocation(location), "before-the-vault", moved,
                keys.manifestPublicKey())) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        assertThat(keys.current().keyId()).as("new backups keep using the old current key").isEqualTo(old.keyId());
        try (var left = Files.list(keyDirectory)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .noneMatch(name -> name.endsWith(".key") || name.endsWith(".pub") || name.equals("current"));
        }
        assertThat(jdbc.queryForList("select details from access_audit_entry where action = ?", String.class,
                "recovery.keys.moved-to-vault")).anySatisfy(details -> assertThat(details).contains(old.keyId()));

        BackupPlan plan = admin(() -> plans.create(commandPlan("after-move-" + suffix())));
        BackupPoint point = admin(() -> backups.runPlan(plan.id()));
        assertThat(point.state()).isEqualTo(PointState.SUCCEEDED);
        assertThat(point.keyId()).isEqualTo(old.keyId());
    }

    @Test
    void aBackupWithVaultKeysRestoresInADrillAndInAnEscrowDrillWithTheEscrowedKeyAlone() {
        BackupPlan plan = admin(() -> plans.create(commandPlan("vault-keys-" + suffix())));
        BackupPoint point = admin(() -> backups.runPlan(plan.id()));
        assertThat(point.state()).isEqualTo(PointState.SUCCEEDED);
        assertThat(jdbc.queryForObject("select count(*) from secret_metadata where path = ?", Integer.class,
                VaultBackupKeys.KEYS + point.keyId())).isEqualTo(1);
        DrillPlan drill = admin(() -> drillPlans.create(directoryDrill(plan)));

        assertThat(admin(() -> drills.runDrill(drill.id())).verdict().restorable()).isTrue();

        char[] passphrase = "correct horse battery staple".toCharArray();
        EscrowedKey escrowed = admin(() -> escrow.export(passphrase.clone()));
        assertThat(escrowed.keyId()).isEqualTo(point.keyId());
        DrillReport escrowDrill = admin(() -> drills.runEscrowDrill(drill.id(), escrowed.text(), passphrase));
        assertThat(escrowDrill.kind()).isEqualTo(DrillReport.Kind.ESCROW);
        assertThat(escrowDrill.verdict().restorable()).isTrue();
    }

    @Test
    void anEscrowDrillWithAFormatTwoEscrowRestoresWhileTheVaultIsSealed() {
        BackupPlan plan = admin(() -> plans.create(commandPlan("escrow-sealed-" + suffix())));
        BackupPoint point = admin(() -> backups.runPlan(plan.id()));
        DrillPlan drill = admin(() -> drillPlans.create(directoryDrill(plan)));
        char[] passphrase = "correct horse battery staple".toCharArray();
        EscrowedKey escrowed = admin(() -> escrow.export(passphrase.clone()));
        assertThat(escrowed.keyId()).isEqualTo(point.keyId());
        sealTheVault();

        DrillReport report;
        try {
            report = admin(() -> drills.runEscrowDrill(drill.id(), escrowed.text(), passphrase));
        } finally {
            as("keeper", () -> unsealing.unsealFromKeyFile(), "ROLE_SECRETS_ADMIN");
        }

        assertThat(report.verdict().restorable()).as(report.checks().toString()).isTrue();
        assertThat(report.pointId()).isEqualTo(point.id());
        assertThat(report.checks()).anySatisfy(check -> {
            assertThat(check.name()).isEqualTo("escrow's signing key");
            assertThat(check.detail()).isEqualTo("the escrowed signing key " + escrowed.signingKeyFingerprint()
                    + " signed this backup's manifest");
        });
    }

    @Test
    void anEscrowDrillWithAFormatOneEscrowWhileTheVaultIsSealedFailsSayingToExportANewEscrowOrUnseal()
            throws Exception {
        BackupPlan plan = admin(() -> plans.create(commandPlan("escrow-v1-sealed-" + suffix())));
        BackupPoint point = admin(() -> backups.runPlan(plan.id()));
        DrillPlan drill = admin(() -> drillPlans.create(directoryDrill(plan)));
        admin(() -> escrow.export("an escrow on record for this key".toCharArray()));
        String formatOne = FormatOneEscrow.of(admin(() -> keys.byId(point.keyId())), "a format one passphrase");
        DrillReport unsealed = admin(() -> drills.runEscrowDrill(drill.id(), formatOne,
                "a format one passphrase".toCharArray()));
        sealTheVault();

        DrillReport sealed;
        try {
            sealed = admin(() -> drills.runEscrowDrill(drill.id(), formatOne, "a format one passphrase".toCharArray()));
        } finally {
            as("keeper", () -> unsealing.unsealFromKeyFile(), "ROLE_SECRETS_ADMIN");
        }

        assertThat(unsealed.verdict().restorable()).as("with the vault's signing key").isTrue();
        assertThat(sealed.verdict().restorable()).isFalse();
        assertThat(sealed.verdict()).isInstanceOfSatisfying(DrillVerdict.Failed.class, failed -> assertThat(
                failed.firstFailedCheck()).startsWith("escrow's signing key: this escrow is of format 1 and does not "
                + "carry the manifest signing key, and the vault is sealed").contains("unseal it")
                .contains("export a new escrow (format 2 carries the signing key)"));
        assertThat(admin(() -> backups.points(plan.id(), 1)).getFirst().latestDrillPassed())
                .as("an escrow that cannot be used says nothing against the backup").isTrue();
    }

    @Test
    void anEscrowExportMayBeTheFirstUseOfTheKeysAndBackupsThenUseTheEscrowedKey() {
        forgetRecoveryKeysInTheVault();

        EscrowedKey escrowed = admin(() -> escrow.export("correct horse battery staple".toCharArray()));

        BackupPlan plan = admin(() -> plans.create(commandPlan("escrow-first-" + suffix())));
        assertThat(admin(() -> backups.runPlan(plan.id())).keyId()).isEqualTo(escrowed.keyId());
    }

    @Test
    void withTheVaultSealedBackupsAndDrillsFailSayingSoAndHowToUnsealAndNoCompletePointIsAdded() {
        BackupPlan plan = admin(() -> plans.create(commandPlan("sealed-" + suffix())));
        BackupPoint before = admin(() -> backups.runPlan(plan.id()));
        DrillPlan drill = admin(() -> drillPlans.create(directoryDrill(plan)));
        as("keeper", () -> {
            seal.seal();
            return null;
        }, "ROLE_SECRETS_ADMIN");

        BackupPoint point;
        DrillReport report;
        try {
            point = admin(() -> backups.runPlan(plan.id()));
            report = admin(() -> drills.runDrill(drill.id()));
        } finally {
            as("keeper", () -> unsealing.unsealFromKeyFile(), "ROLE_SECRETS_ADMIN");
        }

        assertThat(point.state()).isEqualTo(PointState.FAILED);
        assertThat(point.failure()).startsWith("the vault is sealed").contains("unseal").doesNotContain("Exception");
        assertThat(report.verdict().restorable()).isFalse();
        assertThat(report.checks().getFirst().detail()).startsWith("the vault is sealed").contains("unseal");
        assertThat(admin(() -> backups.points(plan.id(), 10))).extracting(BackupPoint::id, BackupPoint::state)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(point.id(), PointState.FAILED),
                        org.assertj.core.groups.Tuple.tuple(before.id(), PointState.SUCCEEDED));
    }

    @Test
    void aPlanNamingAVaultSecretItsSaverMayNotReadIsRefusedOnTheCredentialField() {
        as("erin", () -> vault.write("billing/db/prod/other-password", SecretValue.of("x".toCharArray()), null),
                "TEAM:billing:ENGINEER");
        var draft = postgresPlan("not-theirs-" + suffix(), "db", "owner", "vault:billing/db/prod/other-password");

        assertThatThrownBy(() -> admin(() -> plans.create(draft)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("source.credential");
                    assertThat(e.getMessage()).contains("billing/db/prod/other-password");
                });
        assertThatThrownBy(() -> admin(() -> plans.create(postgresPlan("reserved-" + suffix(), "db", "owner",
                "vault:" + VaultBackupKeys.CURRENT))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("source.credential"));
        assertThatThrownBy(() -> admin(() -> plans.create(postgresPlan("bad-path-" + suffix(), "db", "owner",
                "vault:billing/db"))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("source.credential"));
        assertThat(as("ada", () -> plans.create(draft), "ROLE_ADMIN", "TEAM:billing:ENGINEER").draft().source())
                .as("saved by someone who may read it").isEqualTo(draft.source());
    }

    @Test
    void anExternalPostgresDatabaseWhosePasswordIsInTheVaultIsBackedUpOnScheduleAndRestored(CapturedOutput output)
            throws Exception {
        String suffix = suffix();
        String database = "vaultsrc_" + suffix;
        String role = "vaultsrc_" + suffix;
        String password = "pw-" + UUID.randomUUID();
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres",
                TestDatabases.POSTGRES_USER, "");
             Statement sql = admin.createStatement()) {
            sql.execute("create role " + role + " login password '" + password + "'");
            sql.execute("create database " + database + " owner " + role);
        }
        try (Connection source = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, role,
                password);
             Statement sql = source.createStatement()) {
            sql.execute("create table invoice (id int primary key, amount numeric)");
            sql.execute("insert into invoice select g, g * 1.5 from generate_series(1, 250) g");
        }
        String path = "billing/db/prod/" + role;
        as("erin", () -> vault.write(path, SecretValue.of(password.toCharArray()), null), "TEAM:billing:ENGINEER");
        BackupPlan plan = as("ada", () -> plans.create(postgresPlan("pg-vault-" + suffix, database, role,
                "vault:" + path)), "ROLE_ADMIN", "TEAM:billing:ENGINEER");

        BackupPoint point = SystemAuthority.runAs("backup-schedule", List.of(Role.ADMIN),
                () -> backups.runPlan(plan.id()));
        assertThat(point.state()).as(String.valueOf(point.failure())).isEqualTo(PointState.SUCCEEDED);
        DrillPlan drill = admin(() -> drillPlans.create(new DrillPlanDraft(plan.draft().name() + "-drill", plan.id(),
                "0 0 4 1 * ?", DrillPlanDraft.Selection.LATEST, null, new ScratchSpec.NewPostgresDatabase(
                "127.0.0.1", 5432, TestDatabases.POSTGRES_USER, "scratch"),
                List.of(new Validation.MatchesExpectation()), Duration.ofMinutes(5))));
        DrillReport report = SystemAuthority.runAs("drill-schedule", List.of(Role.ADMIN),
                () -> drills.runDrill(drill.id()));

        assertThat(report.verdict().restorable()).as(report.checks().toString()).isTrue();
        assertThat(jdbc.queryForList("select actor from access_audit_entry where action = 'secret.read' "
                + "and target = ?", String.class, "secret:" + path)).contains("system:recovery-credentials");
        assertThat(output.getAll()).doesNotContain(password);
        assertThat(jdbc.queryForObject("select count(*) from access_audit_entry where details like ?",
                Integer.class, "%" + password + "%")).isZero();
    }

    private void sealTheVault() {
        as("keeper", () -> {
            seal.seal();
            return null;
        }, "ROLE_SECRETS_ADMIN");
    }

    /** As before the upgrade: the vault holds no recovery key yet. */
    private void forgetRecoveryKeysInTheVault() {
        jdbc.update("delete from secret_stage where secret_id in (select id from secret_metadata "
                + "where path like 'gantry/recovery/%')");
        jdbc.update("delete from secret_version_read where version_id in (select v.id from secret_version v "
                + "join secret_metadata m on m.id = v.secret_id where m.path like 'gantry/recovery/%')");
        jdbc.update("delete from secret_version where secret_id in (select id from secret_metadata "
                + "where path like 'gantry/recovery/%')");
        jdbc.update("delete from secret_metadata where path like 'gantry/recovery/%'");
    }

    /** Key files as Gantry wrote them before the vault kept its keys (owner-only, base64). */
    private record OldKeyFiles(String keyId, BackupKey key, KeyPair signing) {

        static OldKeyFiles writtenTo(Path directory) throws Exception {
            Files.createDirectories(directory);
            byte[] random = new byte[4];
            new SecureRandom().nextBytes(random);
            String keyId = "gantry-backup-" + HexFormat.of().formatHex(random);
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            KeyPair signing = ManifestSigning.newKeyPair();
            Files.write(directory.resolve("backup-" + keyId + ".key"), Base64.getEncoder().encode(key));
            Files.writeString(directory.resolve("current"), keyId);
            Files.write(directory.resolve("manifest-signing.key"),
                    Base64.getEncoder().encode(signing.getPrivate().getEncoded()));
            Files.write(directory.resolve("manifest-signing.pub"),
                    Base64.getEncoder().encode(signing.getPublic().getEncoded()));
            return new OldKeyFiles(keyId, BackupKey.of(keyId, key), signing);
        }
    }

    private BackupPlanDraft commandPlan(String name) {
        return new BackupPlanDraft("svc-" + name, "Service " + name, name,
                new SourceSpec.Command(List.of("sh", "-c", "seq 1 5000")), "0 0 3 * * ?", locations(),
                KeepRules.everything(), null, null, Duration.ofHours(1));
    }

    private BackupPlanDraft postgresPlan(String name, String database, String user, String credential) {
        return new BackupPlanDraft("svc-" + name, "Service " + name, name,
                new SourceSpec.PostgresDatabase("127.0.0.1", 5432, database, user, credential), "0 0 3 * * ?",
                locations(), KeepRules.everything(), null, null, Duration.ofHours(1));
    }

    private DrillPlanDraft directoryDrill(BackupPlan plan) {
        return new DrillPlanDraft(plan.draft().name() + "-drill", plan.id(), "0 0 4 1 * ?",
                DrillPlanDraft.Selection.LATEST, null, new ScratchSpec.NewDirectory(defaults.scratchDirectory()
                .toString()), List.of(new Validation.MatchesExpectation()), Duration.ofMinutes(5));
    }

    private List<LocationSpec> locations() {
        return defaults.locations().stream().<LocationSpec>map(LocationSpec.Directory::new).toList();
    }

    private static <T> T admin(Supplier<T> work) {
        return SystemAuthority.runAs("test", List.of(Role.ADMIN), work);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
