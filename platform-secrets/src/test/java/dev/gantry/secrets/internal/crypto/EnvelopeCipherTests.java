package dev.gantry.secrets.internal.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EnvelopeCipherTests {

    private static final String PATH = "payments/api/prod/db-password";
    private static final byte[] CANARY = "canary-7f3e9b2a-never-stored-in-clear".getBytes(StandardCharsets.UTF_8);

    private final AesGcm aes = new AesGcm(new SecureRandom());
    private final EnvelopeCipher cipher = new EnvelopeCipher(aes);
    private final RootKeyring keyring = new RootKeyring(Map.of(1, aes.newKey()));

    @Test
    void aValueComesBackAsItWasWritten() {
        EncryptedValue stored = cipher.encrypt(keyring, PATH, 3, CANARY);

        assertThat(cipher.decrypt(keyring, PATH, 3, stored)).isEqualTo(CANARY);
        assertThat(stored.keyVersion()).isEqualTo(1);
    }

    @Test
    void theStoredBytesNeverContainThePlaintext() {
        EncryptedValue stored = cipher.encrypt(keyring, PATH, 1, CANARY);

        String hexOfCanary = HexFormat.of().formatHex(CANARY);
        assertThat(HexFormat.of().formatHex(stored.ciphertext())).doesNotContain(hexOfCanary);
        assertThat(HexFormat.of().formatHex(stored.wrappedDataKey())).doesNotContain(hexOfCanary);
        assertThat(new String(stored.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("canary");
    }

    @Test
    void flippingAnyOneByteOfTheCiphertextOrTheWrappedKeyIsDetected() {
        EncryptedValue stored = cipher.encrypt(keyring, PATH, 1, CANARY);

        for (int i = 0; i < stored.ciphertext().length; i++) {
            byte[] tampered = stored.ciphertext().clone();
            tampered[i] ^= 0x01;
            EncryptedValue changed = new EncryptedValue(1, stored.wrappedDataKey(), tampered);
            assertThatThrownBy(() -> cipher.decrypt(keyring, PATH, 1, changed))
                    .as("ciphertext byte %d", i).isInstanceOf(DecryptionFailedException.class);
        }
        for (int i = 0; i < stored.wrappedDataKey().length; i++) {
            byte[] tampered = stored.wrappedDataKey().clone();
            tampered[i] ^= 0x01;
            EncryptedValue changed = new EncryptedValue(1, tampered, stored.ciphertext());
            assertThatThrownBy(() -> cipher.decrypt(keyring, PATH, 1, changed))
                    .as("wrapped key byte %d", i).isInstanceOf(DecryptionFailedException.class);
        }
    }

    @Test
    void aCiphertextMovedToAnotherPathOrVersionDoesNotOpen() {
        EncryptedValue stored = cipher.encrypt(keyring, PATH, 2, CANARY);

        assertThatThrownBy(() -> cipher.decrypt(keyring, "payments/api/prod/other", 2, stored))
                .isInstanceOf(DecryptionFailedException.class);
        assertThatThrownBy(() -> cipher.decrypt(keyring, PATH, 1, stored))
                .isInstanceOf(DecryptionFailedException.class);
        assertThatThrownBy(() -> cipher.decrypt(keyring, PATH, 3, stored))
                .isInstanceOf(DecryptionFailedException.class);
    }

    @Test
    void aCiphertextRelabelledWithAnotherKeyVersionDoesNotOpen() {
        RootKeyring rotated = keyring.with(2, aes.newKey());
        EncryptedValue stored = cipher.encrypt(rotated, PATH, 1, CANARY);

        EncryptedValue relabelled = new EncryptedValue(1, stored.wrappedDataKey(), stored.ciphertext());
        assertThatThrownBy(() -> cipher.decrypt(rotated, PATH, 1, relabelled))
                .isInstanceOf(DecryptionFailedException.class);
    }

    @Test
    void noncesNeverRepeatOverAHundredThousandEncryptions() {
        Set<String> nonces = new HashSet<>();
        byte[] plaintext = {1};
        for (int i = 0; i < 100_000; i++) {
            EncryptedValue stored = cipher.encrypt(keyring, PATH, 1, plaintext);
            assertThat(nonces.add(HexFormat.of().formatHex(AesGcm.nonceOf(stored.ciphertext())))).isTrue();
            assertThat(nonces.add(HexFormat.of().formatHex(AesGcm.nonceOf(stored.wrappedDataKey())))).isTrue();
        }
        assertThat(nonces).hasSize(200_000);
    }

    @Test
    void afterRotationNewWritesUseTheNewKeyAndOldOnesStillOpen() {
        EncryptedValue old = cipher.encrypt(keyring, PATH, 1, CANARY);

        RootKeyring rotated = keyring.with(2, aes.newKey());
        EncryptedValue fresh = cipher.encrypt(rotated, PATH, 2, CANARY);

        assertThat(fresh.keyVersion()).isEqualTo(2);
        assertThat(cipher.decrypt(rotated, PATH, 1, old)).isEqualTo(CANARY);
        assertThat(cipher.decrypt(rotated, PATH, 2, fresh)).isEqualTo(CANARY);
        assertThatThrownBy(() -> cipher.decrypt(keyring, PATH, 2, fresh)).isInstanceOf(DecryptionFailedException.class);
    }

    @Test
    void anotherRootKeyCannotOpenTheValue() {
        EncryptedValue stored = cipher.encrypt(keyring, PATH, 1, CANARY);
        RootKeyring stranger = new RootKeyring(Map.of(1, aes.newKey()));

        assertThatThrownBy(() -> cipher.decrypt(stranger, PATH, 1, stored)).isInstanceOf(DecryptionFailedException.class);
    }

    @Test
    void aRewrapMovesTheDataKeyToTheNewestRootKeyAndLeavesTheCiphertextAsItWas() {
        EncryptedValue old = cipher.encrypt(keyring, PATH, 1, CANARY);
        RootKeyring rotated = keyring.with(2, aes.newKey());

        EncryptedValue rewrapped = cipher.rewrap(rotated, PATH, 1, old);

        assertThat(rewrapped.keyVersion()).isEqualTo(2);
        assertThat(rewrapped.valueKeyVersion()).isEqualTo(1);
        assertThat(rewrapped.ciphertext()).isEqualTo(old.ciphertext());
        assertThat(cipher.decrypt(rotated, PATH, 1, rewrapped)).isEqualTo(CANARY);
        RootKeyring withoutVersionOne = new RootKeyring(Map.of(2, rotated.version(2)));
        assertThatThrownBy(() -> cipher.decrypt(withoutVersionOne, PATH, 1, old))
                .isInstanceOf(DecryptionFailedException.class);
        assertThat(cipher.decrypt(new RootKeyring(Map.of(1, keyring.version(1), 2, rotated.version(2)), 2, null),
                PATH, 1, rewrapped)).as("readable once version 1 is retired").isEqualTo(CANARY);
    }

    @Test
    void aRewrappedDataKeyRelabelledToItsOldVersionOrMovedToAnotherPathDoesNotOpen() {
        RootKeyring rotated = keyring.with(2, aes.newKey());
        EncryptedValue rewrapped = cipher.rewrap(rotated, PATH, 1, cipher.encrypt(keyring, PATH, 1, CANARY));

        EncryptedValue relabelled = new EncryptedValue(1, rewrapped.wrappedDataKey(), rewrapped.ciphertext(), 1);
        assertThatThrownBy(() -> cipher.decrypt(rotated, PATH, 1, relabelled))
                .isInstanceOf(DecryptionFailedException.class);
        assertThatThrownBy(() -> cipher.decrypt(rotated, "payments/api/prod/other", 1, rewrapped))
                .isInstanceOf(DecryptionFailedException.class);
    }

    @Test
    void aRootKeyVersionBelowTheMinimumIsRefusedWithAClearMessage() {
        RootKeyring rotated = keyring.with(2, aes.newKey());
        EncryptedValue old = cipher.encrypt(keyring, PATH, 1, CANARY);

        RootKeyring retired = rotated.withMinDecryptionVersion(2);

        assertThatThrownBy(() -> cipher.decrypt(retired, PATH, 1, old))
                .isInstanceOf(RetiredKeyVersionException.class)
                .hasMessage("root key version 1 is retired: the minimum decryption version is 2");
        assertThatThrownBy(() -> rotated.withMinDecryptionVersion(3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aKeyringThatMeetsANewerVersionAsksItsSourceOnceAndWritesWithTheLatest() {
        RootKeyring rotated = keyring.with(2, aes.newKey());
        int[] reloads = {0};
        KeyringSource source = new KeyringSource() {
            @Override
            public RootKeyring reload() {
                reloads[0]++;
                return rotated;
            }

            @Override
            public RootKeyring fresh() {
                return rotated;
            }
        };
        RootKeyring stale = new RootKeyring(Map.of(1, keyring.version(1)), 1, source);

        EncryptedValue written = cipher.encrypt(stale, PATH, 1, CANARY);

        assertThat(written.keyVersion()).as("a write uses the latest keyring").isEqualTo(2);
        assertThat(cipher.decrypt(stale, PATH, 1, written)).isEqualTo(CANARY);
        assertThat(reloads[0]).isEqualTo(1);
        assertThatThrownBy(() -> stale.version(3)).isInstanceOf(DecryptionFailedException.class);
    }

    @Test
    void anInternalKeyIsBoundToItsLabelAndFollowsARewrap() {
        byte[] secretKey = aes.newKey().getEncoded();
        WrappedKey wrapped = cipher.wrapKey(keyring, "sealed-export/1/abc", secretKey);
        RootKeyring rotated = keyring.with(2, aes.newKey());

        WrappedKey moved = cipher.rewrapKey(rotated, "sealed-export/1/abc", wrapped);

        assertThat(moved.keyVersion()).isEqualTo(2);
        assertThat(cipher.unwrapKey(rotated, "sealed-export/1/abc", moved)).isEqualTo(secretKey);
        assertThatThrownBy(() -> cipher.unwrapKey(rotated, "sealed-export/2/abc", moved))
                .isInstanceOf(DecryptionFailedException.class);
    }
}
