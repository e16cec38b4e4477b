package dev.gantry.secrets.internal.seal;

import dev.gantry.secrets.UnsealMode;
import dev.gantry.secrets.internal.crypto.AesGcm;
import dev.gantry.secrets.internal.crypto.DecryptionFailedException;
import dev.gantry.secrets.internal.crypto.RootKeyring;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.springframework.stereotype.Component;

/** The keyring as stored: root key versions under the unseal key, and the seal's configuration. */
@Component
public class SealedKeyring {

    private final SealConfigs configs;
    private final KeyringEntries entries;
    private final SealState state;
    private final AesGcm aes;
    private final KeyringCipher cipher;
    private final Clock clock;

    SealedKeyring(SealConfigs configs, KeyringEntries entries, SealState state, AesGcm aes, Clock clock) {
        this.configs = configs;
        this.entries = entries;
        this.state = state;
        this.aes = aes;
        this.cipher = new KeyringCipher(aes);
        this.clock = clock;
    }

    public Optional<SealConfigEntity> config() {
        return configs.findById(SealConfigEntity.ID);
    }

    /** Stores the configuration and a first root key under {@code unsealKey}. The vault stays sealed. */
    public void initialise(UnsealMode mode, int shareCount, int threshold, byte[] unsealKey, String by) {
        configs.saveAndFlush(new SealConfigEntity(mode.name(), shareCount, threshold, clock.instant(), by));
        entries.save(new KeyringEntryEntity(1, cipher.wrap(AesGcm.key(unsealKey), 1, aes.newKey()), clock.instant()));
    }

    /**
     * Opens the keyring with {@code unsealKey} and keeps it in memory.
     *
     * @throws DecryptionFailedException if the key is not the one the keyring was sealed with
     */
    public void unseal(byte[] unsealKey) {
        SecretKey key = AesGcm.key(unsealKey);
        List<KeyringEntryEntity> stored = entries.findAll();
        if (stored.isEmpty()) {
            throw new DecryptionFailedException();
        }
        Map<Integer, SecretKey> keys = new HashMap<>();
        for (KeyringEntryEntity entry : stored) {
            keys.put(entry.keyVersion(), cipher.unwrap(key, entry.keyVersion(), entry.wrappedKey()));
        }
        state.open(new RootKeyring(keys), key);
    }

    /** Adds a root key version for new writes; older versions stay for reading. Returns the new version. */
    public int rotate() {
        RootKeyring current = state.keyring();
        int version = current.currentVersion() + 1;
        SecretKey rootKey = aes.newKey();
        entries.save(new KeyringEntryEntity(version, cipher.wrap(state.unsealKey(), version, rootKey), clock.instant()));
        state.replaceKeyring(current.with(version, rootKey));
        return version;
    }

    /** Adds a share; false if a share with the same index is already pending. */
    public boolean addShare(UnsealShare share) {
        return state.addShare(share);
    }

    public List<UnsealShare> pendingShares() {
        return state.pendingShares();
    }
}
