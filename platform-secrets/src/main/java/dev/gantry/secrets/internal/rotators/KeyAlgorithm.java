package dev.gantry.secrets.internal.rotators;

import dev.gantry.domain.InvalidInputException;
import dev.gantry.secrets.RotationStepException;
import dev.gantry.secrets.RotatorParameters;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Set;

/**
 * The key a rotator makes: {@code algorithm} {@code ec} (default; {@code curve} {@code p-256} or {@code p-384})
 * or {@code rsa} ({@code rsa-bits} 2048, 3072 (default) or 4096).
 */
record KeyAlgorithm(Kind kind, int rsaBits, Curve curve) {

    static final Set<String> PARAMETERS = Set.of("algorithm", "rsa-bits", "curve");

    enum Kind { EC, RSA }

    enum Curve {
        P_256("secp256r1", 256), P_384("secp384r1", 384);

        final String jdkName;
        final int bits;

        Curve(String jdkName, int bits) {
            this.jdkName = jdkName;
            this.bits = bits;
        }
    }

    static KeyAlgorithm from(RotatorParameters parameters, Kind fallback) {
        int bits = parameters.integer("rsa-bits", 3072, 2048, 4096);
        if (bits != 2048 && bits != 3072 && bits != 4096) {
            throw new InvalidInputException(RotatorParameters.field("rsa-bits"), "2048, 3072 or 4096");
        }
        return new KeyAlgorithm(parameters.choice("algorithm", Kind.class, fallback), bits,
                parameters.choice("curve", Curve.class, Curve.P_256));
    }

    KeyPair generate(SecureRandom random) {
        try {
            if (kind == Kind.RSA) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(rsaBits, random);
                return generator.generateKeyPair();
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve.jdkName), random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot make " + this + " keys", e);
        }
    }

    String signatureAlgorithm() {
        return kind == Kind.RSA ? "SHA256withRSA" : curve == Curve.P_384 ? "SHA384withECDSA" : "SHA256withECDSA";
    }

    /** Refuses a public key of another algorithm or size. */
    void requireShape(PublicKey key) {
        boolean fits = kind == Kind.RSA
                ? key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() == rsaBits
                : key instanceof ECPublicKey ec && ec.getParams().getCurve().getField().getFieldSize() == curve.bits;
        if (!fits) {
            throw new RotationStepException("the key is not " + describe());
        }
    }

    /** Proves the private key belongs to the public key by signing and verifying a fresh challenge. */
    static void requireMatch(PrivateKey privateKey, PublicKey publicKey, SecureRandom random) {
        byte[] challenge = new byte[32];
        random.nextBytes(challenge);
        String algorithm = publicKey instanceof RSAPublicKey ? "SHA256withRSA" : "SHA256withECDSA";
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(privateKey);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(challenge);
            if (!verifier.verify(signature)) {
                throw new RotationStepException("the private key does not match the public key");
            }
        } catch (GeneralSecurityException mismatch) {
            throw new RotationStepException("the private key does not match the public key");
        }
    }

    String describe() {
        return kind == Kind.RSA ? "RSA " + rsaBits : "EC " + curve.name().toLowerCase(java.util.Locale.ROOT)
                .replace('_', '-');
    }
}
