package dev.gantry.secrets.internal.crypto;

import java.util.Map;
import java.util.TreeMap;
import javax.crypto.SecretKey;
import org.jspecify.annotations.Nullable;

/**
 * The root key versions in memory while the vault is unsealed. New writes use the newest; older versions stay so
 * that what they wrapped can still be read, down to the minimum decryption version: versions below it are refused.
 */
public final class RootKeyring {

    private final TreeMap<Integer, SecretKey> keys;
    private final int minDecryptionVersion;
    private final @Nullable KeyringSource source;

    public RootKeyring(Map<Integer, SecretKey> keys) {
        this(keys, 1, null);
    }

    public RootKeyring(Map<Integer, SecretKey> keys, int minDecryptionVersion, @Nullable KeyringSource source) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a keyring holds at least one root key");
        }
        this.keys = new TreeMap<>(keys);
        if (minDecryptionVersion < 1 || minDecryptionVersion > this.keys.lastKey()) {
            throw new IllegalArgumentException("the minimum decryption version must be 1 to " + this.keys.lastKey());
        }
        this.minDecryptionVersion = minDecryptionVersion;
        this.source = source;
    }

    public int currentVersion() {
        return keys.lastKey();
    }

    public SecretKey current() {
        return keys.lastEntry().getValue();
    }

    public int minDecryptionVersion() {
        return minDecryptionVersion;
    }

    /**
     * The key of {@code version}. A version newer than any held makes the keyring reload from its source once,
     * since another node may have rotated the root key.
     *
     * @throws RetiredKeyVersionException if the version is below the minimum decryption version
     * @throws DecryptionFailedException  if the version is unknown even after reloading: the data cannot be opened
     */
    public SecretKey version(int version) {
        if (version > currentVersion() && source != null) {
            return source.reload().held(version);
        }
        return held(version);
    }

    private SecretKey held(int version) {
        if (version < minDecryptionVersion) {
            throw new RetiredKeyVersionException(version, minDecryptionVersion);
        }
        SecretKey key = keys.get(version);
        if (key == null) {
            throw new DecryptionFailedException();
        }
        return key;
    }

    /** The first root key, from which keys that must never change (the path HMAC's) are derived. */
    public SecretKey first() {
        return keys.firstEntry().getValue();
    }

    /** This keyring, or the stored one if another node changed it since: what a write must encrypt with. */
    public RootKeyring latest() {
        return source == null ? this : source.fresh();
    }

    public RootKeyring with(int version, SecretKey key) {
        if (version <= currentVersion()) {
            throw new IllegalArgumentException("a new root key version must be newer than " + currentVersion());
        }
        TreeMap<Integer, SecretKey> next = new TreeMap<>(keys);
        next.put(version, key);
        return new RootKeyring(next, minDecryptionVersion, source);
    }

    public RootKeyring withMinDecryptionVersion(int version) {
        return new RootKeyring(keys, version, source);
    }

    @Override
    public String toString() {
        return "RootKeyring[versions=" + keys.keySet() + ", minDecryptionVersion=" + minDecryptionVersion + "]";
    }
}
