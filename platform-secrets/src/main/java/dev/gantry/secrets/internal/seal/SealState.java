package dev.gantry.secrets.internal.seal;

import dev.gantry.secrets.VaultSealedException;
import dev.gantry.secrets.internal.crypto.PathHmac;
import dev.gantry.secrets.internal.crypto.RootKeyring;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.SecretKey;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * This node's memory of the vault: the open keyring while unsealed, and the shares submitted so far while sealed.
 * Nothing here is ever written anywhere.
 */
@Component
public class SealState {

    private record Opened(RootKeyring keyring, SecretKey unsealKey, PathHmac pathHmac) {
    }

    private volatile @Nullable Opened opened;
    private final List<UnsealShare> pending = new ArrayList<>();

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

    SecretKey unsealKey() {
        return require().unsealKey();
    }

    synchronized void open(RootKeyring keyring, SecretKey unsealKey) {
        opened = new Opened(keyring, unsealKey, PathHmac.derivedFrom(keyring.version(1)));
        pending.clear();
    }

    synchronized void replaceKeyring(RootKeyring keyring) {
        Opened current = require();
        opened = new Opened(keyring, current.unsealKey(), current.pathHmac());
    }

    public synchronized void seal() {
        opened = null;
        pending.clear();
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

    private Opened require() {
        Opened current = opened;
        if (current == null) {
            throw new VaultSealedException();
        }
        return current;
    }
}
