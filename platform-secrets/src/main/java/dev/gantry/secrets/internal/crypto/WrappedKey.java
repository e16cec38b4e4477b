package dev.gantry.secrets.internal.crypto;

/** An internal key of the vault encrypted under root key version {@code keyVersion}. */
public record WrappedKey(int keyVersion, byte[] wrapped) {

    @Override
    public String toString() {
        return "WrappedKey[keyVersion=" + keyVersion + "]";
    }
}
