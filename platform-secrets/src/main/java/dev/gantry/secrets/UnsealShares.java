package dev.gantry.secrets;

import java.util.List;

/**
 * The unseal key shares, returned once at initialisation and never stored: hand one to each holder. Any
 * {@code threshold} of them unseal the vault.
 */
public record UnsealShares(List<String> shares, int threshold) {

    public UnsealShares {
        shares = List.copyOf(shares);
    }

    @Override
    public String toString() {
        return "UnsealShares[" + shares.size() + " shares, threshold=" + threshold + "]";
    }
}
