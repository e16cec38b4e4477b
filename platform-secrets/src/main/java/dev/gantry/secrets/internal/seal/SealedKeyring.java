package dev.gantry.secrets.internal.seal;

import dev.gantry.domain.audit.AuditRecord;
import dev.gantry.domain.audit.AuditTrail;
import dev.gantry.secrets.UnsealMode;
import dev.gantry.secrets.internal.Actors;
import dev.gantry.secrets.internal.crypto.AesGcm;
import dev.gantry.secrets.internal.crypto.DecryptionFailedException;
import dev.gantry.secrets.internal.crypto.KeyringSource;
import dev.gantry.secrets.internal.crypto.RootKeyring;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The keyring as stored: root key versions under the keyring key, the keyring key under the unseal key, and the
 * seal's configuration. It is also the source an unsealed node reloads its keyring from when another node changed it.
 */
@Component
public class SealedKeyring implements KeyringSource {

    private static final String TARGET = "secrets:vault";
    private static final String GENERATION = "select keyring_generation from secret_seal where id = ?";

    private final SealConfigs configs;
    private final KeyringEntries entries;
    private final SealState state;
    private final AesGcm aes;
    private final KeyringCipher cipher;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    SealedKeyring(SealConfigs configs, KeyringEntries entries, SealState state, AesGcm aes, AuditTrail audit,
            PlatformTransactionManager transactionManager, JdbcTemplate jdbc, Clock clock) {
        this.configs = configs;
        this.entries = entries;
        this.state = state;
        this.aes = aes;
        this.cipher = new KeyringCipher(aes);
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<SealConfigEntity> config() {
        return configs.findById(SealConfigEntity.ID);
    }

    /** Stores the configuration, a keyring key and a first root key under {@code unsealKey}. The vault stays sealed. */
    public void initialise(UnsealMode mode, int shareCount, int threshold, byte[] unsealKey, String by) {
        SecretKey keyringKey = aes.newKey();
        configs.saveAndFlush(new SealConfigEntity(mode.name(), shareCount, threshold,
                cipher.wrapKeyringKey(AesGcm.key(unsealKey), keyringKey), clock.instant(), by));
        entries.save(new KeyringEntryEntity(1, cipher.wrap(keyringKey, 1, aes.newKey()), clock.instant()));
    }

    /**
     * Opens the keyring with {@code unsealKey} and keeps it in memory.
     *
     * @throws DecryptionFailedException if the key is not the one the keyring was sealed with
     */
    public void unseal(byte[] unsealKey) {
        SecretKey key = AesGcm.key(unsealKey);
        SealConfigEntity config = config().orElseThrow(DecryptionFailedException::new);
        byte[] wrapped = config.wrappedKeyringKey();
        SecretKey keyringKey = wrapped == null ? upgradeLegacy(key) : cipher.unwrapKeyringKey(key, wrapped);
        SealConfigEntity current = config().orElseThrow(DecryptionFailedException::new);
        state.open(load(keyringKey, current), keyringKey, current.keyringGeneration());
    }

    /**
     * Re-encrypts the keyring key under {@code newUnsealKey} if {@code oldUnsealKey} opens it; the shares of the old
     * key open nothing afterwards.
     *
     * @throws DecryptionFailedException if {@code oldUnsealKey} is not this vault's unseal key
     */
    public void rekey(byte[] oldUnsealKey, byte[] newUnsealKey, int shareCount, int threshold) {
        SealConfigEntity config = configs.lock().orElseThrow(DecryptionFailedException::new);
        byte[] wrapped = config.wrappedKeyringKey();
        if (wrapped == null) {
            throw new IllegalStateException("unseal the vault once before rekeying it");
        }
        SecretKey keyringKey = cipher.unwrapKeyringKey(AesGcm.key(oldUnsealKey), wrapped);
        config.rekeyed(shareCount, threshold, cipher.wrapKeyringKey(AesGcm.key(newUnsealKey), keyringKey));
        configs.flush();
    }

    /** Adds a root key version for new writes; older versions stay for reading. Returns the new version. */
    public int rotate() {
        SealConfigEntity config = configs.lock().orElseThrow(() -> new IllegalStateException("not initialised"));
        RootKeyring current = reload();
        int version = current.currentVersion() + 1;
        SecretKey rootKey = aes.newKey();
        entries.save(new KeyringEntryEntity(version, cipher.wrap(state.keyringKey(), version, rootKey),
                clock.instant()));
        config.keyringChanged();
        configs.flush();
        state.replaceKeyring(current.with(version, rootKey), config.keyringGeneration());
        return version;
    }

    /** Refuses root key versions below {@code version} from now on, on this node at once and on others at reload. */
    public RootKeyring raiseMinDecryptionVersion(int version) {
        SealConfigEntity config = configs.lock().orElseThrow(() -> new IllegalStateException("not initialised"));
        config.raiseMinDecryptionVersion(version);
        configs.flush();
        RootKeyring raised = state.keyring().withMinDecryptionVersion(version);
        state.replaceKeyring(raised, config.keyringGeneration());
        return raised;
    }

    /** Locks the seal row for the caller's transaction and returns it. */
    public SealConfigEntity lockConfig() {
        return configs.lock().orElseThrow(() -> new IllegalStateException("the vault is not initialised"));
    }

    @Override
    public RootKeyring reload() {
        SecretKey keyringKey = state.keyringKey();
        RootKeyring before = state.keyring();
        return transactions.execute(status -> {
            SealConfigEntity config = config().orElseThrow(() -> new IllegalStateException("not initialised"));
            RootKeyring loaded = load(keyringKey, config);
            state.replaceKeyring(loaded, config.keyringGeneration());
            if (loaded.currentVersion() != before.currentVersion()
                    || loaded.minDecryptionVersion() != before.minDecryptionVersion()) {
                audit.record(AuditRecord.success(Actors.current("system:secrets"), "secrets.keyring.reloaded",
                        TARGET, Map.of(
                                "fromKeyVersion", Integer.toString(before.currentVersion()),
                                "toKeyVersion", Integer.toString(loaded.currentVersion()),
                                "minDecryptionVersion", Integer.toString(loaded.minDecryptionVersion()))));
            }
            return loaded;
        });
    }

    @Override
    public RootKeyring fresh() {
        long held = state.generation();
        // Every write asks, inside the transaction that makes it: a plain statement rather than an entity load
        // that the rest of that transaction would then carry in its persistence context. A change of this
        // transaction not flushed yet only makes it reload, which reads through the persistence context.
        long stored = jdbc.query(GENERATION, rows -> rows.next() ? rows.getLong(1) : held, SealConfigEntity.ID);
        return stored == held ? state.keyring() : reload();
    }

    /** Adds a share; false if a share with the same index is already pending. */
    public boolean addShare(UnsealShare share) {
        return state.addShare(share);
    }

    public List<UnsealShare> pendingShares() {
        return state.pendingShares();
    }

    private RootKeyring load(SecretKey keyringKey, SealConfigEntity config) {
        List<KeyringEntryEntity> stored = entries.findAll();
        if (stored.isEmpty()) {
            throw new DecryptionFailedException();
        }
        Map<Integer, SecretKey> keys = new HashMap<>();
        for (KeyringEntryEntity entry : stored) {
            keys.put(entry.keyVersion(), cipher.unwrap(keyringKey, entry.keyVersion(), entry.wrappedKey()));
        }
        return new RootKeyring(keys, config.minDecryptionVersion(), this);
    }

    // A vault initialised before the keyring key existed: its root keys sit directly under the unseal key.
    private SecretKey upgradeLegacy(SecretKey unsealKey) {
        SealConfigEntity config = configs.lock().orElseThrow(DecryptionFailedException::new);
        byte[] wrapped = config.wrappedKeyringKey();
        if (wrapped != null) {
            return cipher.unwrapKeyringKey(unsealKey, wrapped);
        }
        SecretKey keyringKey = aes.newKey();
        List<KeyringEntryEntity> stored = entries.findAll();
        if (stored.isEmpty()) {
            throw new DecryptionFailedException();
        }
        for (KeyringEntryEntity entry : stored) {
            SecretKey rootKey = cipher.unwrapLegacy(unsealKey, entry.keyVersion(), entry.wrappedKey());
            entry.rewrap(cipher.wrap(keyringKey, entry.keyVersion(), rootKey));
        }
        config.wrapKeyringKey(cipher.wrapKeyringKey(unsealKey, keyringKey));
        configs.flush();
        audit.record(AuditRecord.success("system:secrets", "secrets.keyring.upgraded", TARGET,
                Map.of("keyVersions", Integer.toString(stored.size()))));
        return keyringKey;
    }
}
