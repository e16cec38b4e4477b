package dev.gantry.secrets.internal.seal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One root key version, encrypted under the unseal key. */
@Entity
@Table(name = "secret_keyring")
public class KeyringEntryEntity {

    @Id
    @Column(name = "key_version")
    private int keyVersion;

    @Column(name = "wrapped_key")
    private byte[] wrappedKey;

    @Column(name = "created_at")
    private Instant createdAt;

    protected KeyringEntryEntity() {
        this.wrappedKey = new byte[0];
        this.createdAt = Instant.EPOCH;
    }

    public KeyringEntryEntity(int keyVersion, byte[] wrappedKey, Instant createdAt) {
        this.keyVersion = keyVersion;
        this.wrappedKey = wrappedKey.clone();
        this.createdAt = createdAt;
    }

    public int keyVersion() {
        return keyVersion;
    }

    public byte[] wrappedKey() {
        return wrappedKey.clone();
    }

    void rewrap(byte[] wrapped) {
        this.wrappedKey = wrapped.clone();
    }
}
