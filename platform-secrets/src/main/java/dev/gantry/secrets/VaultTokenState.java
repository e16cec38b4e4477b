package dev.gantry.secrets;

public enum VaultTokenState {
    ACTIVE,
    EXPIRED,
    REVOKED
}
