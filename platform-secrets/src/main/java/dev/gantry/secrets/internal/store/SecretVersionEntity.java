package dev.gantry.secrets.internal.store;

import dev.gantry.secrets.internal.crypto.EncryptedValue;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;
import org.jspecify.annotations.Nullable;

/**
 * One version of a secret: its ciphertext until destroyed, and its history. Updates write only the columns that
 * changed, so a soft delete and a concurrent rewrap of the data key never overwrite each other's columns.
 */
@Entity
@DynamicUpdate
@Table(name = "secret_version")
public class SecretVersionEntity extends AssignedIdEntity<UUID> {

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

    @Column(name = "value_key_version")
    private @Nullable Integer valueKeyVersion;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "deleted_at")
    private @Nullable Instant deletedAt;

    @Column(name = "destroyed_at")
    private @Nullable Instant destroyedAt;

    @Column(name = "current_since")
    private @Nullable Instant currentSince;

    @Column(name = "failed_at")
    private @Nullable Instant failedAt;

    protected SecretVersionEntity() {
        super(false);
        this.id = new UUID(0, 0);
        this.secretId = new UUID(0, 0);
        this.createdAt = Instant.EPOCH;
        this.createdBy = "";
    }

    public SecretVersionEntity(UUID secretId, long version, EncryptedValue value, Instant now, String by) {
        super(true);
        this.id = UUID.randomUUID();
        this.secretId = secretId;
        this.version = version;
        this.keyVersion = value.keyVersion();
        this.wrappedDataKey = value.wrappedDataKey();
        this.ciphertext = value.ciphertext();
        this.valueKeyVersion = value.valueKeyVersion();
        this.createdAt = now;
        this.createdBy = by;
    }

    @Override
    public UUID getId() {
        return id;
    }

    public UUID id() {
        return id;
    }

    public UUID secretId() {
        return secretId;
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

    /** When it became CURRENT; null for a rotation candidate that never did, which nobody may read. */
    public @Nullable Instant currentSince() {
        return currentSince;
    }

    public boolean everCurrent() {
        return currentSince != null;
    }

    public @Nullable Instant failedAt() {
        return failedAt;
    }

    public void becameCurrent(Instant now) {
        if (currentSince == null) {
            currentSince = now;
        }
    }

    /** The FAILED mark: a candidate whose rotation failed; it never becomes CURRENT. */
    public void markFailed(Instant now) {
        if (failedAt == null && currentSince == null) {
            failedAt = now;
        }
    }

    /** The stored value; only for a readable version. */
    public EncryptedValue encrypted() {
        if (keyVersion == null || wrappedDataKey == null || ciphertext == null) {
            throw new IllegalStateException("version " + version + " holds no value");
        }
        // Rows written before values were bound separately were bound to the key version that wrapped them.
        return new EncryptedValue(keyVersion, wrappedDataKey, ciphertext,
                valueKeyVersion == null ? keyVersion : valueKeyVersion);
    }

    /** Takes the data key rewrapped under a newer root key version; the value's ciphertext stays as it is. */
    public void rewrapped(EncryptedValue value) {
        if (destroyedAt != null || ciphertext == null) {
            throw new IllegalStateException("version " + version + " holds no value");
        }
        this.keyVersion = value.keyVersion();
        this.wrappedDataKey = value.wrappedDataKey();
        this.valueKeyVersion = value.valueKeyVersion();
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
            valueKeyVersion = null;
        }
    }
}
