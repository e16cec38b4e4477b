/**
 * The secrets vault: versioned key/value secrets, each version envelope-encrypted under a root key that exists only
 * in memory while the vault is unsealed. {@link dev.gantry.secrets.SecretVault} stores and reads secrets,
 * {@link dev.gantry.secrets.VaultSeal} initialises, unseals, seals and rekeys the vault and rotates its root key,
 * {@link dev.gantry.secrets.RootKeyRewrap} moves stored keys to the newest root key and retires old ones,
 * {@link dev.gantry.secrets.SealedExport} seals secrets for repositories and imports them, and
 * {@link dev.gantry.secrets.RepositoryScan} looks for leaked secrets in a repository's history.
 * Who reaches which path is decided by
 * {@link dev.gantry.secrets.SecretPolicies}; {@link dev.gantry.secrets.VaultTokens} issues tokens for machines.
 */
@NullMarked
package dev.gantry.secrets;

import org.jspecify.annotations.NullMarked;
