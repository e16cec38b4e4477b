package dev.gantry.secrets;

import dev.gantry.domain.ConflictException;
import dev.gantry.domain.InvalidInputException;
import dev.gantry.domain.audit.AuditOutcome;
import dev.gantry.domain.audit.AuditRecord;
import dev.gantry.domain.audit.AuditTrail;
import dev.gantry.secrets.internal.crypto.AesGcm;
import dev.gantry.secrets.internal.crypto.DecryptionFailedException;
import dev.gantry.secrets.internal.Actors;
import dev.gantry.secrets.internal.seal.KeyFile;
import dev.gantry.secrets.internal.seal.SealConfigEntity;
import dev.gantry.secrets.internal.seal.SealState;
import dev.gantry.secrets.internal.seal.SealedKeyring;
import dev.gantry.secrets.internal.seal.ShamirUnsealKey;
import dev.gantry.secrets.internal.seal.UnsealShare;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Initialises, unseals and seals the vault. While sealed no root key is in memory and every secret operation
 * throws {@link VaultSealedException}.
 *
 * <p>Two ways to unseal: {@link UnsealMode#SHAMIR}, where the unseal key is split into shares handed to people and
 * {@code threshold} of them are submitted one by one; and {@link UnsealMode#KEY_FILE}, where the key sits in a file
 * next to the data and the vault unseals itself at start-up. The key file is the default for a single embedded
 * node: it protects a copied database, not a copied data directory.
 */
@Service
public class VaultSeal {

    public static final int MAX_SHARES = 255;
    private static final String TARGET = "secrets:vault";

    private final SealedKeyring keyring;
    private final SealState state;
    private final AuditTrail audit;
    private final SecureRandom random = new SecureRandom();

    public VaultSeal(SealedKeyring keyring, SealState state, AuditTrail audit) {
        this.keyring = keyring;
        this.state = state;
        this.audit = audit;
    }

    public SealStatus status() {
        Optional<SealConfigEntity> config = keyring.config();
        if (config.isEmpty()) {
            return new SealStatus(false, true, null, 0, 0, 0);
        }
        SealConfigEntity seal = config.get();
        return new SealStatus(true, state.sealed(), UnsealMode.valueOf(seal.unsealMode()), seal.shareCount(),
                seal.threshold(), state.sealed() ? state.progress() : 0);
    }

    /**
     * Creates the root key and splits the unseal key into {@code shares} shares, any {@code threshold} of which
     * unseal. The shares are returned this once and kept nowhere. The vault stays sealed.
     *
     * @throws ConflictException if the vault is already initialised
     */
    @Transactional
    @PreAuthorize("hasRole('SECRETS_ADMIN')")
    public UnsealShares initialise(int shares, int threshold) {
        if (shares < 1 || shares > MAX_SHARES) {
            throw new InvalidInputException("shares", "between 1 and " + MAX_SHARES + " shares");
        }
        if (threshold < 1 || threshold > shares) {
            throw new InvalidInputException("threshold", "the threshold must be between 1 and the number of shares");
        }
        if (threshold == 1 && shares > 1) {
            throw new InvalidInputException("threshold", "a threshold of 1 would let every holder unseal alone");
        }
        requireUninitialised();
        ShamirUnsealKey.Split split = ShamirUnsealKey.newKey(shares, threshold, random);
        try {
            keyring.initialise(UnsealMode.SHAMIR, shares, threshold, split.key(), actor());
        } finally {
            Arrays.fill(split.key(), (byte) 0);
        }
        audit.record(AuditRecord.success(actor(), "secrets.vault.initialised", TARGET,
                Map.of("mode", UnsealMode.SHAMIR.name(), "shares", Integer.toString(shares),
                        "threshold", Integer.toString(threshold))));
        return new UnsealShares(split.shares().stream().map(UnsealShare::encode).toList(), threshold);
    }

    /**
     * Submits one share. Below the threshold it only counts; at the threshold the shares are joined and the
     * keyring opened. If they do not open it, progress starts again from zero and the attempt is audited.
     *
     * @throws InvalidInputException (field {@code share}) for a malformed or repeated share, or shares that do not
     *                               open the vault
     */
    @Transactional(noRollbackFor = InvalidInputException.class)
    @PreAuthorize("hasRole('SECRETS_ADMIN')")
    public SealStatus submitShare(String share) {
        SealConfigEntity config = keyring.config().orElseThrow(() -> notInitialised());
        if (!UnsealMode.SHAMIR.name().equals(config.unsealMode())) {
            throw new InvalidInputException("share", "this vault unseals from its key file, not from shares");
        }
        if (!state.sealed()) {
            return status();
        }
        UnsealShare parsed = UnsealShare.parse(share, config.shareCount());
        if (!keyring.addShare(parsed)) {
            throw new InvalidInputException("share", "share " + parsed.index() + " was already submitted");
        }
        List<UnsealShare> pending = keyring.pendingShares();
        if (pending.size() < config.threshold()) {
            return status();
        }
        byte[] key = ShamirUnsealKey.join(pending);
        try {
            keyring.unseal(key);
        } catch (DecryptionFailedException wrongShares) {
            state.resetProgress();
            audit.record(new AuditRecord(actor(), "secrets.vault.unseal", TARGET, AuditOutcome.FAILURE,
                    Map.of("reason", "shares do not open the keyring")));
            throw new InvalidInputException("share",
                    "these shares do not open the vault; progress was reset, submit the shares again");
        } finally {
            Arrays.fill(key, (byte) 0);
        }
        audit.record(AuditRecord.success(actor(), "secrets.vault.unsealed", TARGET,
                Map.of("mode", UnsealMode.SHAMIR.name())));
        return status();
    }

    /** Forgets the shares submitted so far. */
    @PreAuthorize("hasRole('SECRETS_ADMIN')")
    public SealStatus resetUnseal() {
        state.resetProgress();
        return status();
    }

    /** Drops the root key from this node's memory. */
    @Transactional
    @PreAuthorize("hasRole('SECRETS_ADMIN')")
    public void seal() {
        state.seal();
        audit.record(AuditRecord.success(actor(), "secrets.vault.sealed", TARGET));
    }

    /**
     * Initialises the vault with a key file on first start, and unseals it from that file on every start.
     *
     * @throws ConflictException if the vault was initialised with shares
     */
    @Transactional
    public SealStatus unsealFromKeyFile(Path file) {
        byte[] key = KeyFile.readOrCreate(file, AesGcm.KEY_BYTES, random);
        try {
            Optional<SealConfigEntity> config = keyring.config();
            if (config.isEmpty()) {
                keyring.initialise(UnsealMode.KEY_FILE, 0, 0, key, "system:secrets");
                audit.record(AuditRecord.success("system:secrets", "secrets.vault.initialised", TARGET,
                        Map.of("mode", UnsealMode.KEY_FILE.name())));
            } else if (!UnsealMode.KEY_FILE.name().equals(config.get().unsealMode())) {
                throw new ConflictException("mode", "this vault unseals with shares, not a key file");
            }
            keyring.unseal(key);
        } catch (DecryptionFailedException wrongFile) {
            throw new IllegalStateException("the unseal key file " + file + " does not open this vault's keyring");
        } finally {
            Arrays.fill(key, (byte) 0);
        }
        audit.record(AuditRecord.success("system:secrets", "secrets.vault.unsealed", TARGET,
                Map.of("mode", UnsealMode.KEY_FILE.name())));
        return status();
    }

    /** Adds a root key version: new writes use it, older versions stay to read what they wrapped. */
    @Transactional
    @PreAuthorize("hasRole('SECRETS_ADMIN')")
    public int rotateRootKey() {
        int version = keyring.rotate();
        audit.record(AuditRecord.success(actor(), "secrets.root-key.rotated", TARGET,
                Map.of("keyVersion", Integer.toString(version))));
        return version;
    }

    private void requireUninitialised() {
        if (keyring.config().isPresent()) {
            throw new ConflictException("vault", "the vault is already initialised");
        }
    }

    private static InvalidInputException notInitialised() {
        return new InvalidInputException("share", "the vault is not initialised yet");
    }

    private static String actor() {
        return Actors.current("system:secrets");
    }
}
