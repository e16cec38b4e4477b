package dev.gantry.recovery.internal.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.recovery.BackupKey;
import dev.gantry.recovery.EscrowedKey;
import dev.gantry.recovery.ManifestSigning;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PassphraseEscrowTests {

    private static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();

    @Test
    void anEscrowOfFormatOneExportedBeforeFormatTwoStillUnwrapsToItsKey() throws Exception {
        // Exported by Gantry before format 2, with this passphrase, for a key whose byte i is 7i + 3.
        String text = resource("/escrow/format-1.escrow");
        byte[] expected = new byte[32];
        for (int i = 0; i < 32; i++) {
            expected[i] = (byte) (i * 7 + 3);
        }

        PassphraseEscrow.Unwrapped unwrapped = PassphraseEscrow.unwrap(text,
                "golden escrow passphrase one".toCharArray());

        assertThat(unwrapped.format()).isEqualTo(1);
        assertThat(unwrapped.key().keyId()).isEqualTo("gantry-backup-golden01");
        assertThat(unwrapped.key().secretKey().getEncoded()).isEqualTo(expected);
        assertThat(unwrapped.manifestKey()).as("format 1 carries no signing key").isNull();
        assertThatThrownBy(() -> PassphraseEscrow.unwrap(text, PASSPHRASE))
                .hasMessage("the passphrase does not open this escrow, or the escrow was altered");
    }

    @Test
    void anEscrowOfFormatTwoCarriesTheSigningPublicKeyAndItsFingerprintInTheHeader() throws Exception {
        KeyPair signing = ManifestSigning.newKeyPair();
        BackupKey key = BackupKey.of("gantry-backup-0001", new byte[32]);

        EscrowedKey escrowed = PassphraseEscrow.wrap(key, signing.getPublic(), PASSPHRASE);
        PassphraseEscrow.Unwrapped unwrapped = PassphraseEscrow.unwrap(escrowed.text(), PASSPHRASE);

        assertThat(escrowed.text()).startsWith("gantry-key-escrow 2\nkey-id=gantry-backup-0001\nsigning-key="
                + Base64.getEncoder().encodeToString(signing.getPublic().getEncoded()) + "\nsigning-key-sha256="
                + ManifestSigning.fingerprint(signing.getPublic()) + "\n");
        assertThat(escrowed.signingKeyFingerprint()).isEqualTo(ManifestSigning.fingerprint(signing.getPublic()));
        assertThat(unwrapped.format()).isEqualTo(2);
        assertThat(unwrapped.key().keyId()).isEqualTo("gantry-backup-0001");
        assertThat(unwrapped.manifestKey()).isEqualTo(signing.getPublic());
    }

    @Test
    void anEscrowedSigningKeySwappedForAnotherWithoutThePassphraseIsNoticed() {
        KeyPair signing = ManifestSigning.newKeyPair();
        KeyPair forged = ManifestSigning.newKeyPair();
        String text = PassphraseEscrow.wrap(BackupKey.of("gantry-backup-0001", new byte[32]), signing.getPublic(),
                PASSPHRASE).text();
        String swapped = text
                .replace(Base64.getEncoder().encodeToString(signing.getPublic().getEncoded()),
                        Base64.getEncoder().encodeToString(forged.getPublic().getEncoded()))
                .replace(ManifestSigning.fingerprint(signing.getPublic()), ManifestSigning.fingerprint(forged.getPublic()));

        assertThat(swapped).isNotEqualTo(text);
        assertThatThrownBy(() -> PassphraseEscrow.unwrap(swapped, PASSPHRASE))
                .hasMessage("the passphrase does not open this escrow, or the escrow was altered");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = PassphraseEscrowTests.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
