/** Backup keys on disk, and their escrow under a passphrase. */
@NullMarked
package dev.gantry.recovery.internal.keys;

import org.jspecify.annotations.NullMarked;
