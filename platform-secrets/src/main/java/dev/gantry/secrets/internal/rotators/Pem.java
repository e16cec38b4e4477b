package dev.gantry.secrets.internal.rotators;

import dev.gantry.secrets.RotationStepException;
import dev.gantry.secrets.SecretValue;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PEM blocks in and out: {@code PRIVATE KEY} (PKCS#8), {@code PUBLIC KEY} (SPKI) and {@code CERTIFICATE}. */
final class Pem {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)-----END \\1-----");

    record Block(String type, byte[] der) {
    }

    private Pem() {
    }

    static String encode(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    static List<Block> decode(SecretValue value) {
        List<Block> blocks = new ArrayList<>();
        Matcher matcher = BLOCK.matcher(new String(value.chars()));
        while (matcher.find()) {
            blocks.add(new Block(matcher.group(1), Base64.getMimeDecoder().decode(matcher.group(2))));
        }
        return blocks;
    }

    static byte[] single(List<Block> blocks, String type) {
        List<byte[]> found = blocks.stream().filter(block -> block.type().equals(type)).map(Block::der).toList();
        if (found.isEmpty()) {
            throw new RotationStepException("the value holds no " + type + " block");
        }
        return found.get(0);
    }

    static PrivateKey privateKey(byte[] der) {
        for (String algorithm : new String[] {"EC", "RSA"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException notThisOne) {
                // try the next algorithm
            }
        }
        throw new RotationStepException("the private key is neither EC nor RSA PKCS#8");
    }

    static PublicKey publicKey(byte[] der) {
        for (String algorithm : new String[] {"EC", "RSA"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException notThisOne) {
                // try the next algorithm
            }
        }
        throw new RotationStepException("the public key is neither EC nor RSA");
    }

    static List<X509Certificate> certificates(List<Block> blocks) {
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (Block block : blocks) {
                if (block.type().equals("CERTIFICATE")) {
                    certificates.add((X509Certificate) factory.generateCertificate(
                            new ByteArrayInputStream(block.der())));
                }
            }
        } catch (GeneralSecurityException malformed) {
            throw new RotationStepException("a certificate does not parse");
        }
        return certificates;
    }
}
