package dev.gantry.config;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import dev.gantry.recovery.BackupKey;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Writes an escrow as Gantry exported it before format 2 ("gantry-key-escrow 1": the backup key only, no signing
 * key), so a test can hold one for a key of today's vault. The smallest Argon2id memory format 1 accepts keeps it fast.
 */
final class FormatOneEscrow {

    private FormatOneEscrow() {
    }

    static String of(BackupKey key, String passphrase) throws Exception {
        byte[] salt = new byte[16];
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(salt);
        new SecureRandom().nextBytes(nonce);
        String head = "gantry-key-escrow 1\n"
                + "key-id=" + key.keyId() + "\n"
                + "kdf=argon2id\n"
                + "memory-kib=8192\n"
                + "iterations=1\n"
                + "parallelism=1\n"
                + "salt=" + Base64.getEncoder().encodeToString(salt) + "\n"
                + "nonce=" + Base64.getEncoder().encodeToString(nonce) + "\n";
        var argon2 = new Argon2BytesGenerator();
        argon2.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withSalt(salt).withMemoryAsKB(8192)
                .withIterations(1).withParallelism(1).build());
        byte[] wrapping = new byte[32];
        argon2.generateBytes(passphrase.getBytes(StandardCharsets.UTF_8), wrapping);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(wrapping, "AES"), new GCMParameterSpec(128, nonce));
        cipher.updateAAD(head.getBytes(StandardCharsets.UTF_8));
        return head + "sealed=" + Base64.getEncoder().encodeToString(cipher.doFinal(key.secretKey().getEncoded()))
                + "\n";
    }
}
