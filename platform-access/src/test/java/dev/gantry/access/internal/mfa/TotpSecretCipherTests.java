package dev.gantry.access.internal.mfa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.access.UnreadableMfaSecretException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TotpSecretCipherTests {

    private static final byte[] SECRET = "twenty bytes secret!".getBytes();

    @TempDir
    Path keys;

    @Test
    void aSecretDecryptsForTheUserItWasEncryptedFor() {
        TotpSecretCipher cipher = new TotpSecretCipher(new MfaKeyring(keys));

        assertThat(cipher.decrypt(cipher.encrypt(SECRET, "alice"), "alice")).isEqualTo(SECRET);
    }

    @Test
    void aCiphertextMovedToAnotherUserDoesNotDecrypt() {
        TotpSecretCipher cipher = new TotpSecretCipher(new MfaKeyring(keys));
        String aliceCiphertext = cipher.encrypt(SECRET, "alice");

        assertThatThrownBy(() -> cipher.decrypt(aliceCiphertext, "bob"))
                .isInstanceOf(UnreadableMfaSecretException.class)
                .hasMessageContaining("bob");
    }

    @Test
    void aTamperedCiphertextDoesNotDecrypt() {
        TotpSecretCipher cipher = new TotpSecretCipher(new MfaKeyring(keys));
        byte[] stored = Base64.getDecoder().decode(cipher.encrypt(SECRET, "alice"));
        stored[stored.length - 20] ^= 1;

        assertThatThrownBy(() -> cipher.decrypt(Base64.getEncoder().encodeToString(stored), "alice"))
                .isInstanceOf(UnreadableMfaSecretException.class);
    }

    @Test
    void encryptingTheSameSecretTwiceGivesDifferentCiphertexts() {
        TotpSecretCipher cipher = new TotpSecretCipher(new MfaKeyring(keys));

        assertThat(cipher.encrypt(SECRET, "alice")).isNotEqualTo(cipher.encrypt(SECRET, "alice"));
    }

    @Test
    void theKeyIsCreatedOnceOwnerOnlyAndReadBackAfterARestart() throws Exception {
        String ciphertext = new TotpSecretCipher(new MfaKeyring(keys.resolve("nested"))).encrypt(SECRET, "alice");

        Path keyFile = keys.resolve("nested").resolve("mfa.key");
        assertThat(Files.size(keyFile)).isEqualTo(32);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile.getParent())))
                    .isEqualTo("rwx------");
        }
        assertThat(keys.resolve("nested")).isDirectoryNotContaining("glob:**.new");
        TotpSecretCipher afterRestart = new TotpSecretCipher(new MfaKeyring(keys.resolve("nested")));
        assertThat(afterRestart.decrypt(ciphertext, "alice")).isEqualTo(SECRET);
    }

    @Test
    void anotherKeyCannotReadTheSecret() {
        String ciphertext = new TotpSecretCipher(new MfaKeyring(keys.resolve("one"))).encrypt(SECRET, "alice");
        TotpSecretCipher otherKey = new TotpSecretCipher(new MfaKeyring(keys.resolve("two")));

        assertThatThrownBy(() -> otherKey.decrypt(ciphertext, "alice")).isInstanceOf(UnreadableMfaSecretException.class);
    }

    @Test
    void aTruncatedKeyFileIsRefusedRatherThanReplaced() throws Exception {
        Files.write(keys.resolve("mfa.key"), new byte[7]);
        TotpSecretCipher cipher = new TotpSecretCipher(new MfaKeyring(keys));

        assertThatThrownBy(() -> cipher.encrypt(SECRET, "alice"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("holds 7 bytes");
        assertThat(Files.size(keys.resolve("mfa.key"))).isEqualTo(7);
    }
}
