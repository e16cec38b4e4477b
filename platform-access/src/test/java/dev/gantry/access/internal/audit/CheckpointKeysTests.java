package dev.gantry.access.internal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.access.AuditCheckpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointKeysTests {

    private static final Instant TIME = Instant.parse("2026-11-22T12:00:00Z");
    private static final String HASH = "ab".repeat(32);

    @TempDir
    Path dir;

    @Test
    void theKeyPairIsCreatedOnFirstUseAsPemFilesTheOwnerAloneCanRead() throws Exception {
        var keys = new CheckpointKeys(dir.resolve("keys"));

        keys.sign(1, HASH, TIME);

        var privateKey = dir.resolve("keys").resolve(CheckpointKeys.PRIVATE_KEY_FILE);
        assertThat(Files.readString(privateKey)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Files.readString(dir.resolve("keys").resolve(CheckpointKeys.PUBLIC_KEY_FILE)))
                .startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(Files.getPosixFilePermissions(privateKey))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.getPosixFilePermissions(dir.resolve("keys")))
                .doesNotContain(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
    }

    @Test
    void aRestartUsesTheSameKey() {
        var first = new CheckpointKeys(dir);
        var checkpoint = first.sign(5, HASH, TIME);

        var afterRestart = new CheckpointKeys(dir);

        assertThat(afterRestart.keyId()).isEqualTo(first.keyId());
        assertThat(afterRestart.verifies(checkpoint)).isTrue();
    }

    @Test
    void aSignatureFitsOnlyTheStatementItSigned() {
        var keys = new CheckpointKeys(dir);
        var checkpoint = keys.sign(5, HASH, TIME);

        assertThat(keys.verifies(checkpoint)).isTrue();
        var signature = checkpoint.signature();
        var keyId = checkpoint.keyId();
        assertThat(keys.verifies(new AuditCheckpoint(6, HASH, TIME, signature, keyId))).isFalse();
        assertThat(keys.verifies(new AuditCheckpoint(5, "cd".repeat(32), TIME, signature, keyId))).isFalse();
        assertThat(keys.verifies(new AuditCheckpoint(5, HASH, TIME.plusSeconds(1), checkpoint.signature(),
                checkpoint.keyId()))).isFalse();
        assertThat(keys.verifies(new AuditCheckpoint(5, HASH, TIME, "not base64!", checkpoint.keyId()))).isFalse();
    }

    @Test
    void anotherInstallationsKeyIsNotTrusted() {
        var ours = new CheckpointKeys(dir.resolve("ours"));
        var theirs = new CheckpointKeys(dir.resolve("theirs"));

        var forged = theirs.sign(5, HASH, TIME);

        assertThat(ours.verifies(forged)).isFalse();
        assertThat(ours.verifies(new AuditCheckpoint(5, HASH, TIME, forged.signature(), ours.keyId()))).isFalse();
    }

    @Test
    void aPrivateKeyThatDoesNotMatchItsPublicKeyIsRefused() throws Exception {
        new CheckpointKeys(dir.resolve("a")).keyId();
        new CheckpointKeys(dir.resolve("b")).keyId();
        Files.copy(dir.resolve("b").resolve(CheckpointKeys.PUBLIC_KEY_FILE),
                dir.resolve("a").resolve(CheckpointKeys.PUBLIC_KEY_FILE), StandardCopyOption.REPLACE_EXISTING);

        assertThatThrownBy(() -> new CheckpointKeys(dir.resolve("a")).keyId())
                .hasMessageContaining("unusable")
                .hasRootCauseMessage("the public and private audit checkpoint keys do not belong together");
    }
}
