package dev.gantry.bench;

import dev.gantry.secrets.internal.crypto.AesGcm;
import dev.gantry.secrets.internal.crypto.EncryptedValue;
import dev.gantry.secrets.internal.crypto.EnvelopeCipher;
import dev.gantry.secrets.internal.crypto.RootKeyring;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The vault's envelope encryption of one secret version (a fresh data key, the value sealed under it, the data key
 * wrapped under the root key, both bound to path and version) against the baseline of plain JCE AES-256-GCM of the
 * same bytes under one key with a random nonce, as anyone would write it. Scores are operations per second; MB/s is
 * the score times {@code size}. Both sides draw nonces (and the envelope its data key) from the same kind of
 * {@link SecureRandom} the vault is configured with.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@Threads(1)
public class EnvelopeCipherBenchmark {

    private static final String PATH = "payments/checkout-api/prod/db-password";

    @Param({"1024", "65536"})
    public int size;

    private final SecureRandom random = new SecureRandom();
    private EnvelopeCipher envelope;
    private RootKeyring keyring;
    private SecretKey plainKey;
    private byte[] plaintext;
    private byte[] associatedData;
    private EncryptedValue sealedByEnvelope;
    private byte[] sealedPlain;

    @Setup(Level.Trial)
    public void keys() throws GeneralSecurityException {
        AesGcm aes = new AesGcm(random);
        envelope = new EnvelopeCipher(aes);
        keyring = new RootKeyring(Map.of(1, aes.newKey()));
        byte[] raw = new byte[AesGcm.KEY_BYTES];
        random.nextBytes(raw);
        plainKey = new SecretKeySpec(raw, "AES");
        plaintext = new byte[size];
        random.nextBytes(plaintext);
        associatedData = ("gantry-secret/v1|5:value|" + PATH.length() + ":" + PATH + "|1:7|1:1").getBytes();
        sealedByEnvelope = envelope.encrypt(keyring, PATH, 7, plaintext);
        sealedPlain = plainEncrypt();
    }

    @Benchmark
    public EncryptedValue envelopeEncrypt() {
        return envelope.encrypt(keyring, PATH, 7, plaintext);
    }

    @Benchmark
    public byte[] envelopeDecrypt() {
        return envelope.decrypt(keyring, PATH, 7, sealedByEnvelope);
    }

    @Benchmark
    public byte[] plainGcmEncrypt() throws GeneralSecurityException {
        return plainEncrypt();
    }

    @Benchmark
    public byte[] plainGcmDecrypt() throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, plainKey, new GCMParameterSpec(128, sealedPlain, 0, 12));
        cipher.updateAAD(associatedData);
        return cipher.doFinal(sealedPlain, 12, sealedPlain.length - 12);
    }

    private byte[] plainEncrypt() throws GeneralSecurityException {
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, plainKey, new GCMParameterSpec(128, nonce));
        cipher.updateAAD(associatedData);
        byte[] out = new byte[12 + cipher.getOutputSize(plaintext.length)];
        System.arraycopy(nonce, 0, out, 0, 12);
        cipher.doFinal(plaintext, 0, plaintext.length, out, 12);
        return out;
    }
}
