package dev.gantry.secrets.internal.seal;

import dev.gantry.secrets.internal.crypto.AesGcm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.crypto.threshold.ShamirSecretSplitter;
import org.bouncycastle.crypto.threshold.ShamirSplitSecret;
import org.bouncycastle.crypto.threshold.ShamirSplitSecretShare;

/** Splits a fresh unseal key into shares and joins shares back, with BouncyCastle's Shamir over GF(2^8). */
public final class ShamirUnsealKey {

    private ShamirUnsealKey() {
    }

    public record Split(byte[] key, List<UnsealShare> shares) {

        @Override
        public String toString() {
            return "Split[" + shares.size() + " shares]";
        }
    }

    public static Split newKey(int shareCount, int threshold, SecureRandom random) {
        ShamirSplitSecret split = ShamirSecretSplitter
                .getInstance(ShamirSecretSplitter.Algorithm.AES, AesGcm.KEY_BYTES, random)
                .split(threshold, shareCount);
        List<UnsealShare> shares = new ArrayList<>();
        ShamirSplitSecretShare[] raw = split.getSecretShares();
        try {
            for (int i = 0; i < raw.length; i++) {
                shares.add(new UnsealShare(i + 1, raw[i].getEncoded()));
            }
            return new Split(split.getSecret(), shares);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The key the shares describe; wrong shares give a wrong key, which the keyring's authentication then refuses. */
    public static byte[] join(List<UnsealShare> shares) {
        ShamirSplitSecretShare[] raw = shares.stream()
                .map(share -> new ShamirSplitSecretShare(share.bytes(), share.index()))
                .toArray(ShamirSplitSecretShare[]::new);
        try {
            return ShamirSplitSecret.getInstance(ShamirSecretSplitter.Algorithm.AES, raw).getSecret();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
