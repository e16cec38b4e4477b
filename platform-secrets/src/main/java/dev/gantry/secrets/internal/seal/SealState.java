package dev.gantry.secrets.internal.seal;

import dev.gantry.secrets.VaultSealedException;
import dev.gantry.secrets.internal.crypto.PathHmac;
import dev.gantry.secrets.internal.crypto.RootKeyring;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * This node's memory of the vault: the open keyring while unsealed, the shares submitted so far while sealed, and a
 * rekey in progress. Nothing here is ever written anywhere.
 */
@Component
public class SealState {

    private record Opened(RootKeyring keyring, SecretKey keyringKey, PathHmac pathHmac, long generation) {
    }

    /** A rekey being collected: the old shares submitted so far and the shape of the new split. */
    public record Rekey(String nonce, int shares, int threshold, List<UnsealShare> pending) {

        public Rekey {
            pending = List.copyOf(pending);
        }
    }

    private volatile @Nullable Opened opened;
    private final List<UnsealShare> pending = new ArrayList<>();
    private @Nullable Rekey rekey;

    public boolean sealed() {
        return opened == null;
    }

    /** @throws VaultSealedException while sealed */
    public RootKeyring keyring() {
        return require().keyring();
    }

    public PathHmac pathHmac() {
        return require().pathHmac();
    }

    SecretKey keyringKey() {
        return require().keyringKey();
    }

    long generation() {
        return require().generation();
    }

    synchronized void open(RootKeyring keyring, SecretKey keyringKey, long generation) {
        opened = new Opened(keyring, keyringKey, PathHmac.derivedFrom(keyring.first()), generation);
        pending.clear();
    }

    synchronized void replaceKeyring(RootKeyring keyring, long generation) {
        Opened current = require();
        opened = new Opened(keyring, current.keyringKey(), current.pathHmac(), generation);
    }

    public synchronized void seal() {
        opened = null;
        pending.clear();
        rekey = null;
    }

    /** Adds a share; false if one with this index was already submitted. */
    synchronized boolean addShare(UnsealShare share) {
        if (pending.stream().anyMatch(submitted -> submitted.index() == share.index())) {
            return false;
        }
        pending.add(share);
        return true;
    }

    synchronized List<UnsealShare> pendingShares() {
        return List.copyOf(pending);
    }

    public synchronized int progress() {
        return pending.size();
    }

    public synchronized void resetProgress() {
        pending.clear();
    }

    public synchronized Optional<Rekey> rekey() {
        return Optional.ofNullable(rekey);
    }

    /** @return false if a rekey is already in progress */
    public synchronized boolean startRekey(String nonce, int shares, int threshold) {
        require();
        if (rekey != null) {
            return false;
        }
        rekey = new Rekey(nonce, shares, threshold, List.of());
        return true;
    }

    /** Adds an old share to the rekey {@code nonce}; false if one with this index was already submitted. */
    public synchronized boolean addRekeyShare(String nonce, UnsealShare share) {
        Rekey current = rekey;
        if (current == null || !current.nonce().equals(nonce)) {
            throw new IllegalStateException("no rekey " + nonce + " in progress");
        }
        if (current.pending().stream().anyMatch(submitted -> submitted.index() == share.index())) {
            return false;
        }
        List<UnsealShare> shares = new ArrayList<>(current.pending());
        shares.add(share);
        rekey = new Rekey(current.nonce(), current.shares(), current.threshold(), shares);
        return true;
    }

    public synchronized void resetRekeyProgress() {
        Rekey current = rekey;
        if (current != null) {
            rekey = new Rekey(current.nonce(), current.shares(), current.threshold(), List.of());
        }
    }

    public synchronized void endRekey() {
        rekey = null;
    }

    private Opened require() {
        Opened current = opened;
        if (current == null) {
            throw new VaultSealedException();
        }
        return current;
    }
}
