package dev.gantry.recovery.internal.keys;

import dev.gantry.recovery.BackupKey;
import dev.gantry.recovery.EscrowedKey;
import dev.gantry.recovery.ManifestSigning;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.jspecify.annotations.Nullable;

/**
 * Wraps a backup key under a passphrase: Argon2id (64 MiB, 3 passes) derives an AES-256 key that seals the backup
 * key with AES-GCM; every header line is associated data, so no parameter can be changed unnoticed. Format 2 also
 * carries the manifest signing public key in its header (public, but covered by the associated data, so nobody
 * without the passphrase can swap it), so the escrow alone verifies and opens a backup. Format 1 texts, which carry
 * the backup key only, still unwrap.
 */
public final class PassphraseEscrow {

    public static final int MIN_PASSPHRASE = 16;
    private static final String FORMAT_1 = "gantry-key-escrow 1";
    private static final String FORMAT_2 = "gantry-key-escrow 2";
    private static final List<String> FIELDS_1 = List.of("key-id", "kdf", "memory-kib", "iterations", "parallelism",
            "salt", "nonce");
    private static final List<String> FIELDS_2 = List.of("key-id", "signing-key", "signing-key-sha256", "kdf",
            "memory-kib", "iterations", "parallelism", "salt", "nonce");
    private static final int MEMORY_KIB = 65536;
    private static final int ITERATIONS = 3;
    private static final int MAX_MEMORY_KIB = 1 << 20;
    private static final int MAX_ITERATIONS = 10;

    private PassphraseEscrow() {
    }

    /** The escrow is not readable: damaged, or the passphrase is not the one it was made with. */
    public static final class UnwrapException extends Exception {
        public UnwrapException(String message) {
            super(message);
        }
    }

    /**
     * What an escrow holds once opened.
     *
     * @param manifestKey the manifest signing public key; null in a format 1 escrow, which does not carry it
     */
    public record Unwrapped(int format, BackupKey key, @Nullable PublicKey manifestKey) {
    }

    public static EscrowedKey wrap(BackupKey key, PublicKey manifestKey, char[] passphrase) {
        if (passphrase.length < MIN_PASSPHRASE) {
            throw new dev.gantry.domain.InvalidInputException("passphrase",
                    "an escrow passphrase has at least " + MIN_PASSPHRASE + " characters");
        }
        var random = new SecureRandom();
        byte[] salt = new byte[16];
        byte[] nonce = new byte[12];
        random.nextBytes(salt);
        random.nextBytes(nonce);
        String signingKeySha256 = ManifestSigning.fingerprint(manifestKey);
        var header = new LinkedHashMap<String, String>();
        header.put("key-id", key.keyId());
        header.put("signing-key", Base64.getEncoder().encodeToString(manifestKey.getEncoded()));
        header.put("signing-key-sha256", signingKeySha256);
        header.put("kdf", "argon2id");
        header.put("memory-kib", Integer.toString(MEMORY_KIB));
        header.put("iterations", Integer.toString(ITERATIONS));
        header.put("parallelism", "1");
        header.put("salt", Base64.getEncoder().encodeToString(salt));
        header.put("nonce", Base64.getEncoder().encodeToString(nonce));
        String head = head(FORMAT_2, header);
        byte[] wrapping = derive(passphrase, salt, MEMORY_KIB, ITERATIONS);
        byte[] plain = key.secretKey().getEncoded();
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(wrapping, "AES"), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(head.getBytes(StandardCharsets.UTF_8));
            String text = head + "sealed=" + Base64.getEncoder().encodeToString(cipher.doFinal(plain)) + "\n";
            return new EscrowedKey(key.keyId(), signingKeySha256, text, fingerprint(text));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        } finally {
            Arrays.fill(wrapping, (byte) 0);
            Arrays.fill(plain, (byte) 0);
        }
    }

    public static Unwrapped unwrap(String text, char[] passphrase) throws UnwrapException {
        if (text.length() > 4096) {
            throw new UnwrapException("an escrow is at most 4,096 characters");
        }
        String[] lines = text.split("\n");
        int format = lines[0].equals(FORMAT_2) ? 2 : lines[0].equals(FORMAT_1) ? 1 : 0;
        List<String> fields = format == 2 ? FIELDS_2 : FIELDS_1;
        if (format == 0 || lines.length != fields.size() + 2 || !lines[lines.length - 1].startsWith("sealed=")) {
            throw new UnwrapException("not a Gantry key escrow (format 1 or 2)");
        }
        var header = new LinkedHashMap<String, String>();
        for (int i = 0; i < fields.size(); i++) {
            String prefix = fields.get(i) + "=";
            if (!lines[i + 1].startsWith(prefix)) {
                throw new UnwrapException("escrow line " + (i + 2) + " should start with " + prefix);
            }
            header.put(fields.get(i), lines[i + 1].substring(prefix.length()));
        }
        try {
            int memory = Integer.parseInt(header.get("memory-kib"));
            int iterations = Integer.parseInt(header.get("iterations"));
            if (!"argon2id".equals(header.get("kdf")) || memory < 8192 || memory > MAX_MEMORY_KIB
                    || iterations < 1 || iterations > MAX_ITERATIONS || !"1".equals(header.get("parallelism"))) {
                throw new UnwrapException("the escrow's key derivation parameters are out of range");
            }
            byte[] salt = Base64.getDecoder().decode(header.get("salt"));
            byte[] nonce = Base64.getDecoder().decode(header.get("nonce"));
            byte[] sealed = Base64.getDecoder().decode(lines[lines.length - 1].substring("sealed=".length()));
            byte[] wrapping = derive(passphrase, salt, memory, iterations);
            BackupKey key;
            try {
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(wrapping, "AES"), new GCMParameterSpec(128, nonce));
                cipher.updateAAD(head(lines[0], header).getBytes(StandardCharsets.UTF_8));
                byte[] plain = cipher.doFinal(sealed);
                try {
                    key = BackupKey.of(header.get("key-id"), plain);
                } finally {
                    Arrays.fill(plain, (byte) 0);
                }
            } finally {
                Arrays.fill(wrapping, (byte) 0);
            }
            return new Unwrapped(format, key, format == 2 ? signingKey(header) : null);
        } catch (AEADBadTagException e) {
            throw new UnwrapException("the passphrase does not open this escrow, or the escrow was altered");
        } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
            throw new UnwrapException("the escrow is malformed");
        }
    }

    /** Authenticated with the rest of the header, so a mismatch here means the escrow was made wrongly. */
    private static PublicKey signingKey(Map<String, String> header) throws GeneralSecurityException,
            UnwrapException {
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(
                new X509EncodedKeySpec(Base64.getDecoder().decode(header.get("signing-key"))));
        if (!ManifestSigning.fingerprint(key).equals(header.get("signing-key-sha256"))) {
            throw new UnwrapException("the escrow's signing key does not match its recorded SHA-256");
        }
        return key;
    }

    public static String fingerprint(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String head(String format, Map<String, String> header) {
        var text = new StringBuilder(format).append('\n');
        header.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        return text.toString();
    }

    private static byte[] derive(char[] passphrase, byte[] salt, int memoryKib, int iterations) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(passphrase));
        byte[] password = new byte[encoded.remaining()];
        encoded.get(password);
        Arrays.fill(encoded.array(), (byte) 0);
        var generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(
                Argon2Parameters.ARGON2_VERSION_13).withSalt(salt).withMemoryAsKB(memoryKib)
                .withIterations(iterations).withParallelism(1).build());
        byte[] key = new byte[32];
        generator.generateBytes(password, key);
        Arrays.fill(password, (byte) 0);
        return key;
    }
}
