package dev.gantry.secrets.internal.rotators;

import dev.gantry.secrets.RotationContext;
import dev.gantry.secrets.Rotator;
import dev.gantry.secrets.RotatorParameters;
import dev.gantry.secrets.SecretValue;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code key-pair}: a fresh RSA or EC key pair as PEM, the PKCS#8 private key followed by its public key. The test
 * parses both, checks algorithm and size, and signs and verifies a challenge. Parameters as {@link KeyAlgorithm}.
 */
@Component
class KeyPairRotator implements Rotator {

    private final SecureRandom random = new SecureRandom();

    @Override
    public String kind() {
        return "key-pair";
    }

    @Override
    public void validate(RotatorParameters parameters) {
        parameters.allowOnly(KeyAlgorithm.PARAMETERS);
        KeyAlgorithm.from(parameters, KeyAlgorithm.Kind.EC);
    }

    @Override
    public SecretValue createCandidate(RotationContext context) {
        KeyPair pair = KeyAlgorithm.from(context.parameters(), KeyAlgorithm.Kind.EC).generate(random);
        String pem = Pem.encode("PRIVATE KEY", pair.getPrivate().getEncoded())
                + Pem.encode("PUBLIC KEY", pair.getPublic().getEncoded());
        return SecretValue.of(pem.toCharArray());
    }

    @Override
    public void setOnTarget(RotationContext context, SecretValue candidate) {
        // Consumers read the key pair from the vault.
    }

    @Override
    public void test(RotationContext context, SecretValue credential) {
        List<Pem.Block> blocks = Pem.decode(credential);
        PublicKey publicKey = Pem.publicKey(Pem.single(blocks, "PUBLIC KEY"));
        KeyAlgorithm.from(context.parameters(), KeyAlgorithm.Kind.EC).requireShape(publicKey);
        KeyAlgorithm.requireMatch(Pem.privateKey(Pem.single(blocks, "PRIVATE KEY")), publicKey, random);
    }
}
