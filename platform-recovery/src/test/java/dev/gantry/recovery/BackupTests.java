package dev.gantry.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupTests {

    static final BackupKey KEY = BackupKey.of("backup-2026", seeded(32, 7));
    static final KeyPair SIGNING = ManifestSigning.newKeyPair();
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T14:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    DirectoryLocation primary;
    DirectoryLocation secondary;

    @BeforeEach
    void locations() throws IOException {
        primary = new DirectoryLocation(dir.resolve("primary"));
        secondary = new DirectoryLocation(dir.resolve("secondary"));
    }

    @Test
    void aBackupIsPublishedToBothLocationsWithASignedManifest() throws IOException {
        byte[] data = seeded(1_500_000, 1);
        SignedManifest manifest = backup("db-2026-11-22", data);

        for (DirectoryLocation location : List.of(primary, secondary)) {
            assertThat(location.list()).containsExactly("db-2026-11-22", "db-2026-11-22.manifest");
            try (var in = BackupReader.open(location, "db-2026-11-22", KEY, SIGNING.getPublic())) {
                assertThat(in.readAllBytes()).isEqualTo(data);
            }
        }
        assertThat(manifest.manifest().plaintextBytes()).isEqualTo(data.length);
        assertThat(manifest.manifest().plaintextSha256()).isEqualTo(sha256(data));
        assertThat(manifest.manifest().archiveSha256())
                .isEqualTo(sha256(Files.readAllBytes(dir.resolve("primary/db-2026-11-22"))));
        assertThat(manifest.manifest().createdAt()).isEqualTo(CLOCK.instant());
        assertThat(manifest.manifest().keyId()).isEqualTo("backup-2026");
    }

    @Test
    void theStoredManifestVerifiesAndParsesBackToTheSameFacts() throws IOException {
        SignedManifest manifest = backup("db", seeded(1000, 2));
        byte[] stored;
        try (InputStream in = primary.open("db.manifest")) {
            stored = in.readAllBytes();
        }

        SignedManifest parsed = SignedManifest.parse(stored);
        ManifestSigning.verify(parsed, SIGNING.getPublic());
        assertThat(parsed.manifest()).isEqualTo(manifest.manifest());
    }

    @Test
    void anEditedManifestFailsItsSignature() throws IOException {
        SignedManifest manifest = backup("db", seeded(1000, 3));
        String edited = new String(manifest.toBytes(), StandardCharsets.UTF_8)
                .replace("plaintext-bytes=1000", "plaintext-bytes=1001");

        assertThatThrownBy(() -> ManifestSigning.verify(SignedManifest.parse(edited.getBytes(StandardCharsets.UTF_8)),
                SIGNING.getPublic())).isInstanceOf(ManifestSignatureException.class)
                .hasMessageContaining("does not carry a valid signature");
    }

    @Test
    void aManifestSignedByAnotherKeyIsRefusedBeforeTheArchiveIsRead() throws IOException {
        backup("db", seeded(1000, 4));

        assertThatThrownBy(() -> BackupReader.open(primary, "db", KEY, ManifestSigning.newKeyPair().getPublic()))
                .isInstanceOf(ManifestSignatureException.class);
    }

    @Test
    void anArchiveSwappedForAnotherValidOneIsCaughtByTheManifest() throws IOException {
        backup("db", seeded(1000, 5));
        backup("other", seeded(1000, 6));
        Files.copy(dir.resolve("primary/other"), dir.resolve("primary/db"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThatThrownBy(() -> BackupReader.open(primary, "db", KEY, SIGNING.getPublic()))
                .isInstanceOf(ArchiveCorruptedException.class).hasMessageContaining("but its manifest names");
    }

    @Test
    void aManifestSignedOverOtherPlaintextRefusesTheArchiveBeforeItsEnd() throws IOException {
        SignedManifest original = backup("db", seeded(300_000, 13));
        BackupManifest facts = original.manifest();
        resign(new BackupManifest(facts.archiveName(), facts.archiveId(), facts.keyId(), facts.createdAt(),
                facts.plaintextBytes(), sha256(seeded(300_000, 14)), facts.archiveBytes(), facts.archiveSha256()));

        try (var in = BackupReader.open(primary, "db", KEY, SIGNING.getPublic())) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(ArchiveCorruptedException.class)
                    .hasMessageContaining("declares a plaintext SHA-256 other than the signed manifest's");
        }
    }

    @Test
    void aManifestSignedOverAnotherPlaintextLengthRefusesTheArchiveBeforeItsEnd() throws IOException {
        SignedManifest original = backup("db", seeded(300_000, 15));
        BackupManifest facts = original.manifest();
        resign(new BackupManifest(facts.archiveName(), facts.archiveId(), facts.keyId(), facts.createdAt(),
                facts.plaintextBytes() + 1, facts.plaintextSha256(), facts.archiveBytes(), facts.archiveSha256()));

        try (var in = BackupReader.open(primary, "db", KEY, SIGNING.getPublic())) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(ArchiveCorruptedException.class)
                    .hasMessageContaining("holds 300000 plaintext bytes; its manifest says 300001");
        }
    }

    @Test
    void anAbortedBackupLeavesNothingInAnyLocation() throws IOException {
        var writer = BackupWriter.create("db", KEY, SIGNING.getPrivate(), CLOCK, List.of(primary, secondary));
        writer.write(seeded(600_000, 8));
        writer.abort();

        assertThat(primary.list()).isEmpty();
        assertThat(secondary.list()).isEmpty();
        assertThat(Files.list(dir.resolve("primary"))).isEmpty();
    }

    @Test
    void anUploadThatWasNeverClosedIsNotListed() throws IOException {
        var upload = primary.create("crashed");
        upload.write(new byte[1000]);

        assertThat(primary.list()).isEmpty();
    }

    @Test
    void twoUploadsOfTheSameNameNeverReplaceEachOther() throws IOException {
        var first = primary.create("db");
        var second = primary.create("db");
        first.write("first".getBytes(StandardCharsets.UTF_8));
        second.write("second".getBytes(StandardCharsets.UTF_8));
        first.close();

        assertThatThrownBy(second::close).isInstanceOf(java.nio.file.FileAlreadyExistsException.class)
                .hasMessageContaining("never overwritten");
        try (InputStream in = primary.open("db")) {
            assertThat(in.readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo("first");
        }
        assertThat(primary.list()).containsExactly("db");
    }

    @Test
    void anExistingBackupIsNeverOverwritten() throws IOException {
        backup("db", seeded(10, 9));

        assertThatThrownBy(() -> BackupWriter.create("db", KEY, SIGNING.getPrivate(), CLOCK, List.of(primary)))
                .isInstanceOf(IOException.class).hasMessageContaining("never overwritten");
    }

    @Test
    void objectNamesThatCouldLeaveTheDirectoryAreRefused() {
        assertThatThrownBy(() -> primary.create("../escape")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> primary.open("/etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theKeyNeverShowsInItsStringForm() {
        assertThat(KEY.toString()).isEqualTo("BackupKey[backup-2026]");
    }

    private SignedManifest backup(String name, byte[] data) throws IOException {
        var writer = BackupWriter.create(name, KEY, SIGNING.getPrivate(), CLOCK, List.of(primary, secondary));
        try (writer) {
            writer.write(data);
        }
        return writer.manifest();
    }

    /** What someone holding the signing key could publish: a valid signature over facts the archive does not have. */
    private void resign(BackupManifest facts) throws IOException {
        Files.write(dir.resolve("primary").resolve("db.manifest"),
                ManifestSigning.sign(facts, SIGNING.getPrivate()).toBytes());
    }

    static byte[] seeded(int size, int seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
