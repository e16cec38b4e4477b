package dev.gantry.secrets;

import org.jspecify.annotations.Nullable;

/**
 * A rekey in progress on this node, or none. Holders submit {@code required} of the current shares (quoting
 * {@code nonce}, so a share meant for a cancelled rekey never counts towards a new one); then the unseal key is
 * replaced by one split into {@code newShares} shares with threshold {@code newThreshold}.
 *
 * @param nonce null when no rekey is in progress
 */
public record RekeyStatus(boolean inProgress, @Nullable String nonce, int newShares, int newThreshold, int required,
        int progress) {

    static RekeyStatus none(int required) {
        return new RekeyStatus(false, null, 0, 0, required, 0);
    }
}
