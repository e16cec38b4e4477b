package dev.gantry.secrets.internal.rotators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.domain.InvalidInputException;
import dev.gantry.secrets.RotationStepException;
import dev.gantry.secrets.RotatorParameters;
import dev.gantry.secrets.SecretValue;
import dev.gantry.secrets.testing.FixedContext;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Passwords, API keys, key pairs and certificates: what they make, and that their tests catch bad values. */
class GeneratedCredentialRotatorsTests {

    @Test
    void passwordsFollowTheirLengthAndCharacterRulesAndAreAllDifferent() {
        PasswordRotator rotator = new PasswordRotator();
        FixedContext context = new FixedContext("a/b/c/d", RotatorParameters.of("length", "16", "symbols", "",
                "avoid-ambiguous", "true"));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            SecretValue password = rotator.createCandidate(context);
            String text = new String(password.chars());
            assertThat(text).hasSize(16).matches("[a-zA-Z0-9]+").containsPattern("[a-z]").containsPattern("[A-Z]")
                    .containsPattern("[0-9]").doesNotContainPattern("[Il1O0o]");
            rotator.test(context, password);
            seen.add(text);
        }
        assertThat(seen).hasSize(200);
        assertThatThrownBy(() -> rotator.test(context, SecretValue.of("abcdefghijkmnpqr".toCharArray())))
                .isInstanceOf(RotationStepException.class).hasMessageContaining("class");
        assertThatThrownBy(() -> rotator.validate(RotatorParameters.of("length", "300")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("12 to 256");
    }

    @Test
    void apiKeysCarryTheirPrefixAndTheAskedNumberOfRandomBytes() {
        ApiKeyRotator rotator = new ApiKeyRotator();
        FixedContext context = new FixedContext("a/b/c/d", RotatorParameters.of("prefix", "gk_", "bytes", "24",
                "encoding", "hex"));

        SecretValue key = rotator.createCandidate(context);

        assertThat(new String(key.chars())).matches("gk_[0-9a-f]{48}");
        rotator.test(context, key);
        assertThatThrownBy(() -> rotator.test(context, SecretValue.of("gk_abcd".toCharArray())))
                .isInstanceOf(RotationStepException.class);
    }

    @Test
    void keyPairsArePemWhosePrivateKeySignsForItsPublicKey() {
        KeyPairRotator rotator = new KeyPairRotator();
        FixedContext rsa = new FixedContext("a/b/c/d", RotatorParameters.of("algorithm", "rsa", "rsa-bits", "2048"));
        FixedContext ec = new FixedContext("a/b/c/d", RotatorParameters.of("algorithm", "ec", "curve", "p-384"));

        SecretValue rsaPair = rotator.createCandidate(rsa);
        SecretValue ecPair = rotator.createCandidate(ec);

        assertThat(new String(rsaPair.chars())).startsWith("-----BEGIN PRIVATE KEY-----")
                .contains("-----BEGIN PUBLIC KEY-----");
        rotator.test(rsa, rsaPair);
        rotator.test(ec, ecPair);
        assertThatThrownBy(() -> rotator.test(rsa, ecPair)).isInstanceOf(RotationStepException.class)
                .hasMessageContaining("RSA 2048");
        String mixed = new String(rsaPair.chars()).substring(0, new String(rsaPair.chars()).indexOf("-----BEGIN PUBLIC"))
                + new String(rotator.createCandidate(rsa).chars()).replaceAll("(?s).*(-----BEGIN PUBLIC)", "$1");
        assertThatThrownBy(() -> rotator.test(rsa, SecretValue.of(mixed.toCharArray())))
                .isInstanceOf(RotationStepException.class).hasMessageContaining("does not match");
    }

    @Test
    void certificatesAreIssuedByTheInternalCaKeptInTheVault() {
        CertificateRotator rotator = new CertificateRotator();
        Instant now = Instant.parse("2026-11-22T15:00:00Z");
        FixedContext context = new FixedContext("payments/api/prod/tls", RotatorParameters.of(
                "common-name", "api.payments.internal", "dns-names", "api.payments.internal, api",
                "validity", "P30D")).at(now);

        SecretValue certificate = rotator.createCandidate(context);

        assertThat(context.secrets()).containsKey(CertificateRotator.DEFAULT_CA_PATH);
        rotator.test(context, certificate);
        List<X509Certificate> chain = Pem.certificates(Pem.decode(certificate));
        assertThat(chain).hasSize(2);
        assertThat(chain.get(0).getIssuerX500Principal()).isEqualTo(chain.get(1).getSubjectX500Principal());
        assertThat(rotator.expiryOf(certificate)).contains(chain.get(0).getNotAfter().toInstant());
        assertThat(Duration.between(now, chain.get(0).getNotAfter().toInstant())).isEqualTo(Duration.ofDays(30));
        assertThat(rotator.createCandidate(context)).satisfies(second ->
                assertThat(Pem.certificates(Pem.decode(second)).get(1)).as("the same CA signs again")
                        .isEqualTo(chain.get(1)));
    }

    @Test
    void aCertificateFromAnotherCaOrOutsideItsValidityFailsTheTest() {
        CertificateRotator rotator = new CertificateRotator();
        Instant now = Instant.parse("2026-11-22T15:00:00Z");
        RotatorParameters parameters = RotatorParameters.of("common-name", "api", "validity", "P30D");
        FixedContext ours = new FixedContext("payments/api/prod/tls", parameters).at(now);
        FixedContext theirs = new FixedContext("payments/api/prod/tls", parameters).at(now);
        SecretValue foreign = rotator.createCandidate(theirs);
        SecretValue own = rotator.createCandidate(ours);

        assertThatThrownBy(() -> rotator.test(ours, foreign)).isInstanceOf(RotationStepException.class)
                .hasMessageContaining("not issued by the internal CA");
        assertThatThrownBy(() -> rotator.test(ours.at(now.plus(Duration.ofDays(31))), own))
                .isInstanceOf(RotationStepException.class).hasMessageContaining("not valid now");
    }
}
