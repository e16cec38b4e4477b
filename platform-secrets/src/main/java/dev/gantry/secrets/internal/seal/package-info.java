/** The sealed keyring at rest, the unseal key's shares, and the unsealed keyring in memory. */
@NullMarked
package dev.gantry.secrets.internal.seal;

import org.jspecify.annotations.NullMarked;
