package dev.gantry.secrets.internal.crypto;

import java.util.Map;
import java.util.TreeMap;
import javax.crypto.SecretKey;

/**
 * The root key versions in memory while the vault is unsealed. New writes use the newest; older versions stay so
 * that what they wrapped can still be read.
 */
public final class RootKeyring {

    private final TreeMap<Integer, SecretKey> keys;

    public RootKeyring(Map<Integer, SecretKey> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a keyring holds at least one root key");
        }
        this.keys = new TreeMap<>(keys);
    }

    public int currentVersion() {
        return keys.lastKey();
    }

    public SecretKey current() {
        return keys.lastEntry().getValue();
    }

    /** @throws DecryptionFailedException if the version is unknown: the data cannot be opened */
    public SecretKey version(int version) {
        SecretKey key = keys.get(version);
        if (key == null) {
            throw new DecryptionFailedException();
        }
        return key;
    }

    public RootKeyring with(int version, SecretKey key) {
        if (version <= currentVersion()) {
            throw new IllegalArgumentException("a new root key version must be newer than " + currentVersion());
        }
        TreeMap<Integer, SecretKey> next = new TreeMap<>(keys);
        next.put(version, key);
        return new RootKeyring(next);
    }

    @Override
    public String toString() {
        return "RootKeyring[versions=" + keys.keySet() + "]";
    }
}
