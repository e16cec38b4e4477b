/** AES-256-GCM envelope encryption of secret versions and the versioned root keyring. */
@NullMarked
package dev.gantry.secrets.internal.crypto;

import org.jspecify.annotations.NullMarked;
