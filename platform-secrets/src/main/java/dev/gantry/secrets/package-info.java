/**
 * The secrets vault: versioned key/value secrets, each version envelope-encrypted under a root key that exists only
 * in memory while the vault is unsealed. {@link dev.gantry.secrets.SecretVault} stores and reads secrets,
 * {@link dev.gantry.secrets.VaultSeal} initialises, unseals and seals the vault. Who reaches which path is decided by
 * {@link dev.gantry.secrets.SecretPolicies}; {@link dev.gantry.secrets.VaultTokens} issues tokens for machines.
 */
@NullMarked
package dev.gantry.secrets;

import org.jspecify.annotations.NullMarked;
