package dev.gantry.secrets.internal.rotators;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * PostgreSQL's SCRAM-SHA-256 password verifier (RFC 7677), computed here so that {@code ALTER ROLE ... PASSWORD}
 * carries the verifier and never the password: not in the statement, not in the server's statement log. Only for
 * printable ASCII passwords, which SASLprep leaves as they are.
 */
final class ScramVerifier {

    static final int ITERATIONS = 4096;

    private ScramVerifier() {
    }

    static boolean applicable(char[] password) {
        for (char c : password) {
            if (c < 0x21 || c > 0x7e) {
                return false;
            }
        }
        return password.length > 0;
    }

    static String of(char[] password, SecureRandom random) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return of(password, salt, ITERATIONS);
    }

    static String of(char[] password, byte[] salt, int iterations) {
        byte[] salted = null;
        try {
            PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
            salted = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            spec.clearPassword();
            byte[] clientKey = hmac(salted, "Client Key");
            byte[] storedKey = MessageDigest.getInstance("SHA-256").digest(clientKey);
            byte[] serverKey = hmac(salted, "Server Key");
            Base64.Encoder base64 = Base64.getEncoder();
            return "SCRAM-SHA-256$" + iterations + ":" + base64.encodeToString(salt) + "$"
                    + base64.encodeToString(storedKey) + ":" + base64.encodeToString(serverKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        } finally {
            if (salted != null) {
                Arrays.fill(salted, (byte) 0);
            }
        }
    }

    private static byte[] hmac(byte[] key, String text) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(text.getBytes(StandardCharsets.US_ASCII));
    }
}
