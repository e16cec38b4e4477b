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
        requireValidSplit(shares, threshold);
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

    /**
     * Adds a root key version: new writes use it, older versions stay to read what they wrapped until
     * {@link RootKeyRewrap} has moved every stored data key to it. Rotations on different nodes are serialised.
     */
    @Transactional
    @PreAuthorize("hasRole('SECRETS_ADMIN')")
    public int rotateRootKey() {
        int version = keyring.rotate();
        audit.record(AuditRecord.success(actor(), "secrets.root-key.rotated", TARGET,
                Map.of("keyVersion", Integer.toString(version))));
        return version;
    }

    /** The rekey in progress on this node, if any. */
    @PreAuthorize("hasRole('SECRETS_ADMIN')")
    public RekeyStatus rekeyStatus() {
        int required = keyring.config().map(SealConfigEntity::threshold).orElse(0);
        return state.rekey()
                .map(rekey -> new RekeyStatus(true, rekey.nonce(), rekey.shares(), rekey.threshold(), required,
                        rekey.pending().size()))
                .orElse(RekeyStatus.none(required));
    }

    /**
     * Starts replacing the unseal key: once a quorum of the current shares is submitted with
     * {@link #submitRekeyShare}, a new key split into {@code shares} shares with threshold {@code threshold}
     * replaces it, and the current shares open nothing any more. The vault must be unsealed; the rekey is held by
     * this node only, so all holders submit to the same node.
     *
     * @throws ConflictException (field {@code rekey}) if a rekey is already in progress
     */
    @Transactional
    @PreAuthorize("hasRole('SECRETS_ADMIN')")
    public RekeyStatus startRekey(int shares, int threshold) {
        requireValidSplit(shares, threshold);
        SealConfigEntity config = keyring.config().orElseThrow(() -> notInitialised("rekey"));
        if (!UnsealMode.SHAMIR.name().equals(config.unsealMode())) {
            throw new InvalidInputException("rekey", "this vault unseals from its key file, which has no shares to "
                    + "rekey");
        }
        state.keyring();
        if (!state.startRekey(java.util.UUID.randomUUID().toString(), shares, threshold)) {
            throw new ConflictException("rekey", "a rekey is already in progress; cancel it before starting another");
        }
        audit.record(AuditRecord.success(actor(), "secrets.vault.rekey-started", TARGET, Map.of(
                "shares", Integer.toString(shares), "threshold", Integer.toString(threshold))));
        return rekeyStatus();
    }

    /**
     * Submits one current share towards the rekey {@code nonce}. At the threshold the shares are joined; if they
     * open the keyring key, it is re-encrypted under a fresh unseal key whose new shares are returned this once.
     * Shares that do not open it reset the progress, and the attempt is audited.
     *
     * @throws InvalidInputException (field {@code nonce}) if no such rekey is in progress, (field {@code share})
     *                               for a malformed or repeated share or shares that do not open the vault
     */
    @Transactional(noRollbackFor = InvalidInputException.class)
    @PreAuthorize("hasRole('SECRETS_ADMIN')")
    public RekeyOutcome submitRekeyShare(String nonce, String share) {
        SealConfigEntity config = keyring.config().orElseThrow(() -> notInitialised("rekey"));
        SealState.Rekey rekey = state.rekey().filter(current -> current.nonce().equals(nonce.strip()))
                .orElseThrow(() -> new InvalidInputException("nonce",
                        "no rekey with this nonce is in progress; it was cancelled, finished or never started"));
        UnsealShare parsed = UnsealShare.parse(share, config.shareCount());
        if (!state.addRekeyShare(rekey.nonce(), parsed)) {
            throw new InvalidInputException("share", "share " + parsed.index() + " was already submitted");
        }
        List<UnsealShare> pending = state.rekey().orElseThrow().pending();
        if (pending.size() < config.threshold()) {
            return new RekeyOutcome.Pending(rekeyStatus());
        }
        byte[] oldKey = ShamirUnsealKey.join(pending);
        ShamirUnsealKey.Split split = ShamirUnsealKey.newKey(rekey.shares(), rekey.threshold(), random);
        try {
            keyring.rekey(oldKey, split.key(), rekey.shares(), rekey.threshold());
        } catch (DecryptionFailedException wrongShares) {
            state.resetRekeyProgress();
            audit.record(new AuditRecord(actor(), "secrets.vault.rekey", TARGET, AuditOutcome.FAILURE,
                    Map.of("reason", "shares do not open the keyring")));
            throw new InvalidInputException("share",
                    "these shares do not open the vault; rekey progress was reset, submit the shares again");
        } finally {
            Arrays.fill(oldKey, (byte) 0);
            Arrays.fill(split.key(), (byte) 0);
        }
        audit.record(AuditRecord.success(actor(), "secrets.vault.rekeyed", TARGET, Map.of(
                "shares", Integer.toString(rekey.shares()), "threshold", Integer.toString(rekey.threshold()))));
        state.endRekey();
        return new RekeyOutcome.Completed(new UnsealShares(
                split.shares().stream().map(UnsealShare::encode).toList(), rekey.threshold()));
    }

    /** Abandons the rekey in progress, if any; the current shares stay valid. */
    @Transactional
    @PreAuthorize("hasRole('SECRETS_ADMIN')")
    public RekeyStatus cancelRekey() {
        if (state.rekey().isPresent()) {
            state.endRekey();
            audit.record(AuditRecord.success(actor(), "secrets.vault.rekey-cancelled", TARGET));
        }
        return rekeyStatus();
    }

    private static void requireValidSplit(int shares, int threshold) {
        if (shares < 1 || shares > MAX_SHARES) {
            throw new InvalidInputException("shares", "between 1 and " + MAX_SHARES + " shares");
        }
        if (threshold < 1 || threshold > shares) {
            throw new InvalidInputException("threshold", "the threshold must be between 1 and the number of shares");
        }
        if (threshold == 1 && shares > 1) {
            throw new InvalidInputException("threshold", "a threshold of 1 would let every holder unseal alone");
        }
    }

    private void requireUninitialised() {
        if (keyring.config().isPresent()) {
            throw new ConflictException("vault", "the vault is already initialised");
        }
    }

    private static InvalidInputException notInitialised() {
        return notInitialised("share");
    }

    private static InvalidInputException notInitialised(String field) {
        return new InvalidInputException(field, "the vault is not initialised yet");
    }

    private static String actor() {
        return Actors.current("system:secrets");
    }
}
