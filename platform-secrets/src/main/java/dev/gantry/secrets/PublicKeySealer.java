package dev.gantry.secrets;

import dev.gantry.domain.InvalidInputException;
import dev.gantry.secrets.internal.export.SealedSecretHpke;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Seals values for a repository with nothing but the vault's public key: no database, no Spring, no unsealed
 * vault. This is what a CI job runs (with this jar and BouncyCastle on its class path) to commit a secret that only
 * the vault can open; {@link SealedExport#publicKey()} hands out the key.
 */
public final class PublicKeySealer {

    private static final String PEM_BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String PEM_END = "-----END PUBLIC KEY-----";
    // DER of SubjectPublicKeyInfo for id-X25519 (1.3.101.110) up to the 32 key bytes (RFC 8410).
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b656e032100");

    private final byte[] publicKey;
    private final String keyId;

    private PublicKeySealer(byte[] publicKey) {
        this.publicKey = publicKey.clone();
        this.keyId = keyIdOf(publicKey);
    }

    /**
     * A sealer for the public key given as PEM ({@code -----BEGIN PUBLIC KEY-----}, X25519 SubjectPublicKeyInfo) or
     * as the base64 of the 32 raw key bytes.
     *
     * @throws InvalidInputException (field {@code publicKey}) if it is neither
     */
    public static PublicKeySealer fromPublicKey(String text) {
        String trimmed = text.strip();
        if (trimmed.startsWith(PEM_BEGIN)) {
            if (!trimmed.endsWith(PEM_END)) {
                throw new InvalidInputException("publicKey", "the PEM block does not end with " + PEM_END);
            }
            byte[] der = decode(trimmed.substring(PEM_BEGIN.length(), trimmed.length() - PEM_END.length()));
            if (der.length != SPKI_PREFIX.length + SealedSecretHpke.PUBLIC_KEY_BYTES
                    || !java.security.MessageDigest.isEqual(Arrays.copyOf(der, SPKI_PREFIX.length), SPKI_PREFIX)) {
                throw new InvalidInputException("publicKey", "not an X25519 public key");
            }
            return new PublicKeySealer(Arrays.copyOfRange(der, SPKI_PREFIX.length, der.length));
        }
        byte[] raw = decode(trimmed);
        if (raw.length != SealedSecretHpke.PUBLIC_KEY_BYTES) {
            throw new InvalidInputException("publicKey", "an X25519 public key is 32 bytes, PEM or base64");
        }
        return new PublicKeySealer(raw);
    }

    public String keyId() {
        return keyId;
    }

    /** The sealed-secret file for {@code value} at {@code path}; see {@link SealedSecretFile} for its format. */
    public String seal(String path, SecretValue value) {
        String canonical = SecretPath.parse(path).toString();
        byte[] plaintext = value.utf8();
        try {
            if (plaintext.length == 0 || plaintext.length > SecretValue.MAX_BYTES) {
                throw new InvalidInputException("value", "a secret value holds 1 to " + SecretValue.MAX_BYTES
                        + " bytes");
            }
            SealedSecretFile unsealed = new SealedSecretFile(keyId, canonical, new byte[0], new byte[0]);
            SealedSecretHpke.Sealed sealed = SealedSecretHpke.seal(publicKey, SealedSecretFile.info(),
                    unsealed.associatedData(), plaintext);
            return new SealedSecretFile(keyId, canonical, sealed.enc(), sealed.ciphertext()).format();
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /** The first 8 bytes of the SHA-256 of the raw public key, in hex: how a sealed file names its key. */
    public static String keyIdOf(byte[] publicKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(publicKey);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** The PEM form of a raw X25519 public key. */
    public static String pem(byte[] publicKey) {
        byte[] der = new byte[SPKI_PREFIX.length + publicKey.length];
        System.arraycopy(SPKI_PREFIX, 0, der, 0, SPKI_PREFIX.length);
        System.arraycopy(publicKey, 0, der, SPKI_PREFIX.length, publicKey.length);
        return PEM_BEGIN + "\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n" + PEM_END + "\n";
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getMimeDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("publicKey", "not valid base64");
        }
    }

    @Override
    public String toString() {
        return "PublicKeySealer[keyId=" + keyId + "]";
    }
}
