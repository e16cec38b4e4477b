package dev.gantry.secrets.internal.store;

import dev.gantry.secrets.internal.crypto.EncryptedValue;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One version of a secret: its ciphertext until destroyed, and its history. */
@Entity
@Table(name = "secret_version")
public class SecretVersionEntity {

    @Id
    private UUID id;

    @Column(name = "secret_id")
    private UUID secretId;

    private long version;

    @Column(name = "key_version")
    private @Nullable Integer keyVersion;

    @Column(name = "wrapped_data_key")
    private byte @Nullable [] wrappedDataKey;

    private byte @Nullable [] ciphertext;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "deleted_at")
    private @Nullable Instant deletedAt;

    @Column(name = "destroyed_at")
    private @Nullable Instant destroyedAt;

    protected SecretVersionEntity() {
        this.id = new UUID(0, 0);
        this.secretId = new UUID(0, 0);
        this.createdAt = Instant.EPOCH;
        this.createdBy = "";
    }

    public SecretVersionEntity(UUID secretId, long version, EncryptedValue value, Instant now, String by) {
        this.id = UUID.randomUUID();
        this.secretId = secretId;
        this.version = version;
        this.keyVersion = value.keyVersion();
        this.wrappedDataKey = value.wrappedDataKey();
        this.ciphertext = value.ciphertext();
        this.createdAt = now;
        this.createdBy = by;
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** The root key version that wrapped the data key; null once destroyed. */
    public @Nullable Integer keyVersion() {
        return keyVersion;
    }

    public String createdBy() {
        return createdBy;
    }

    public @Nullable Instant deletedAt() {
        return deletedAt;
    }

    public @Nullable Instant destroyedAt() {
        return destroyedAt;
    }

    public boolean destroyed() {
        return destroyedAt != null;
    }

    public boolean deleted() {
        return deletedAt != null;
    }

    public boolean readable() {
        return !deleted() && !destroyed();
    }

    /** The stored value; only for a readable version. */
    public EncryptedValue encrypted() {
        if (keyVersion == null || wrappedDataKey == null || ciphertext == null) {
            throw new IllegalStateException("version " + version + " holds no value");
        }
        return new EncryptedValue(keyVersion, wrappedDataKey, ciphertext);
    }

    public void delete(Instant now) {
        if (deletedAt == null && destroyedAt == null) {
            deletedAt = now;
        }
    }

    public void undelete() {
        if (destroyedAt == null) {
            deletedAt = null;
        }
    }

    /** Removes the value for good; the row stays so the history shows it existed. */
    public void destroy(Instant now) {
        if (destroyedAt == null) {
            destroyedAt = now;
            keyVersion = null;
            wrappedDataKey = null;
            ciphertext = null;
        }
    }
}
