package dev.gantry.secrets;

import org.jspecify.annotations.Nullable;

/**
 * Where the vault stands. {@code progress} counts the valid shares submitted towards {@code threshold}.
 *
 * @param mode null while the vault is not initialised
 */
public record SealStatus(boolean initialised, boolean sealed, @Nullable UnsealMode mode, int shares, int threshold,
        int progress) {
}
