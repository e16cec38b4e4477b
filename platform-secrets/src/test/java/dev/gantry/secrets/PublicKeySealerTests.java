package dev.gantry.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.domain.InvalidInputException;
import dev.gantry.secrets.internal.crypto.DecryptionFailedException;
import dev.gantry.secrets.internal.export.SealedSecretHpke;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Sealing with the public key alone, as a CI job does, and opening with the private key, as the vault does. */
class PublicKeySealerTests {

    private static final String PATH = "payments/api/prod/db-password";
    private static final String CANARY = "canary-sealed-9d2f-never-in-the-file";

    private final SealedSecretHpke.KeyPair pair = SealedSecretHpke.newKeyPair();

    @Test
    void aValueSealedWithTheBase64PublicKeyOpensWithThePrivateKey() {
        PublicKeySealer sealer = PublicKeySealer.fromPublicKey(Base64.getEncoder().encodeToString(pair.publicKey()));

        String text = sealer.seal(PATH, SecretValue.of(CANARY.toCharArray()));

        assertThat(text).doesNotContain(CANARY).doesNotContain(Base64.getEncoder().encodeToString(
                CANARY.getBytes(StandardCharsets.UTF_8)));
        assertThat(new String(open(SealedSecretFile.parse(text)), StandardCharsets.UTF_8)).isEqualTo(CANARY);
    }

    @Test
    void thePemFormOfThePublicKeySealsTheSameWay() {
        String pem = PublicKeySealer.pem(pair.publicKey());
        PublicKeySealer sealer = PublicKeySealer.fromPublicKey(pem);

        assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VuAyEA");
        assertThat(sealer.keyId()).isEqualTo(PublicKeySealer.keyIdOf(pair.publicKey())).hasSize(16);
        SealedSecretFile file = SealedSecretFile.parse(sealer.seal(PATH, SecretValue.of(CANARY.toCharArray())));
        assertThat(file.keyId()).isEqualTo(sealer.keyId());
        assertThat(new String(open(file), StandardCharsets.UTF_8)).isEqualTo(CANARY);
    }

    @Test
    void sealingTheSameValueTwiceGivesDifferentFiles() {
        PublicKeySealer sealer = PublicKeySealer.fromPublicKey(PublicKeySealer.pem(pair.publicKey()));

        assertThat(sealer.seal(PATH, SecretValue.of(CANARY.toCharArray())))
                .isNotEqualTo(sealer.seal(PATH, SecretValue.of(CANARY.toCharArray())));
    }

    @Test
    void aFileWhosePathWasEditedDoesNotOpen() {
        String text = PublicKeySealer.fromPublicKey(PublicKeySealer.pem(pair.publicKey()))
                .seal(PATH, SecretValue.of(CANARY.toCharArray()));

        SealedSecretFile moved = SealedSecretFile.parse(text.replace(PATH, "payments/api/staging/db-password"));

        assertThatThrownBy(() -> open(moved)).isInstanceOf(DecryptionFailedException.class);
    }

    @Test
    void somethingThatIsNotAnX25519PublicKeyIsRefused() {
        assertThatThrownBy(() -> PublicKeySealer.fromPublicKey("AAAA")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("32 bytes");
        String ed25519 = "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n"
                + "-----END PUBLIC KEY-----";
        assertThatThrownBy(() -> PublicKeySealer.fromPublicKey(ed25519)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not an X25519 public key");
        assertThatThrownBy(() -> PublicKeySealer.fromPublicKey(PublicKeySealer.pem(pair.publicKey())).seal(PATH,
                SecretValue.of(new char[0]))).isInstanceOf(InvalidInputException.class);
    }

    private byte[] open(SealedSecretFile file) {
        return SealedSecretHpke.open(pair.privateKey(), pair.publicKey(),
                new SealedSecretHpke.Sealed(file.enc(), file.ciphertext()), SealedSecretFile.info(),
                file.associatedData());
    }
}
