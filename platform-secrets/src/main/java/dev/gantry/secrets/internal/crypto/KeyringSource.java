package dev.gantry.secrets.internal.crypto;

/**
 * Where an unsealed keyring comes from, so that a node whose keyring is stale (another node rotated the root key or
 * raised the minimum decryption version) can catch up from the database without being unsealed again.
 */
public interface KeyringSource {

    /** The keyring as stored now; called when data names a root key version this node does not hold. */
    RootKeyring reload();

    /** The keyring as stored now if it changed since this node loaded it, else the one held; called before writes. */
    RootKeyring fresh();
}
