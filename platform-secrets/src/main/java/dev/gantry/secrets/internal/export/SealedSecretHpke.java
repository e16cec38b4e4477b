package dev.gantry.secrets.internal.export;

import dev.gantry.secrets.internal.crypto.DecryptionFailedException;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;

/**
 * HPKE (RFC 9180) as sealed-secret files use it: mode base, DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM,
 * through BouncyCastle's lightweight API. Values are at most 64 KiB, so its slower AES-GCM does not matter here.
 */
public final class SealedSecretHpke {

    public static final int PUBLIC_KEY_BYTES = 32;
    public static final int ENC_BYTES = 32;

    /** The two halves of a fresh key pair, raw as RFC 9180 serialises them. */
    public record KeyPair(byte[] publicKey, byte[] privateKey) {

        @Override
        public String toString() {
            return "KeyPair[private key hidden]";
        }
    }

    /** The encapsulated key and the ciphertext with its tag. */
    public record Sealed(byte[] enc, byte[] ciphertext) {
    }

    private SealedSecretHpke() {
    }

    private static HPKE suite() {
        return new HPKE(HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM256);
    }

    public static KeyPair newKeyPair() {
        HPKE hpke = suite();
        AsymmetricCipherKeyPair pair = hpke.generatePrivateKey();
        return new KeyPair(hpke.serializePublicKey(pair.getPublic()), hpke.serializePrivateKey(pair.getPrivate()));
    }

    public static Sealed seal(byte[] publicKey, byte[] info, byte[] aad, byte[] plaintext) {
        if (publicKey.length != PUBLIC_KEY_BYTES) {
            throw new IllegalArgumentException("an X25519 public key has " + PUBLIC_KEY_BYTES + " bytes");
        }
        HPKE hpke = suite();
        try {
            byte[][] out = hpke.seal(hpke.deserializePublicKey(publicKey), info, aad, plaintext, null, null, null);
            return new Sealed(out[1], out[0]);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("HPKE sealing failed", e);
        }
    }

    /** @throws DecryptionFailedException if the ciphertext, the encapsulated key, the info or the aad differ */
    public static byte[] open(byte[] privateKey, byte[] publicKey, Sealed sealed, byte[] info, byte[] aad) {
        if (sealed.enc().length != ENC_BYTES) {
            throw new DecryptionFailedException();
        }
        HPKE hpke = suite();
        try {
            return hpke.open(sealed.enc(), hpke.deserializePrivateKey(privateKey, publicKey), info, aad,
                    sealed.ciphertext(), null, null, null);
        } catch (InvalidCipherTextException | IllegalArgumentException | IllegalStateException e) {
            throw new DecryptionFailedException();
        }
    }
}
