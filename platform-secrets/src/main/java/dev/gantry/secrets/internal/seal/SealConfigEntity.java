package dev.gantry.secrets.internal.seal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The single row saying the vault was initialised and how it is unsealed. It also carries the keyring key under the
 * unseal key, the minimum decryption version, and a generation raised by every change of the keyring, which lets a
 * node see cheaply that its keyring in memory is stale.
 */
@Entity
@Table(name = "secret_seal")
public class SealConfigEntity {

    public static final int ID = 1;

    @Id
    private int id;

    @Column(name = "unseal_mode")
    private String unsealMode;

    @Column(name = "share_count")
    private int shareCount;

    private int threshold;

    @Column(name = "initialised_at")
    private Instant initialisedAt;

    @Column(name = "initialised_by")
    private String initialisedBy;

    @Column(name = "wrapped_keyring_key")
    private byte @Nullable [] wrappedKeyringKey;

    @Column(name = "keyring_generation")
    private long keyringGeneration;

    @Column(name = "min_decryption_version")
    private int minDecryptionVersion;

    protected SealConfigEntity() {
        this.unsealMode = "";
        this.initialisedAt = Instant.EPOCH;
        this.initialisedBy = "";
    }

    public SealConfigEntity(String unsealMode, int shareCount, int threshold, byte[] wrappedKeyringKey,
            Instant initialisedAt, String by) {
        this.id = ID;
        this.unsealMode = unsealMode;
        this.shareCount = shareCount;
        this.threshold = threshold;
        this.wrappedKeyringKey = wrappedKeyringKey.clone();
        this.minDecryptionVersion = 1;
        this.initialisedAt = initialisedAt;
        this.initialisedBy = by;
    }

    public String unsealMode() {
        return unsealMode;
    }

    public int shareCount() {
        return shareCount;
    }

    public int threshold() {
        return threshold;
    }

    public long keyringGeneration() {
        return keyringGeneration;
    }

    public int minDecryptionVersion() {
        return minDecryptionVersion;
    }

    byte @Nullable [] wrappedKeyringKey() {
        return wrappedKeyringKey == null ? null : wrappedKeyringKey.clone();
    }

    void wrapKeyringKey(byte[] wrapped) {
        this.wrappedKeyringKey = wrapped.clone();
        keyringGeneration++;
    }

    void rekeyed(int shareCount, int threshold, byte[] wrapped) {
        this.shareCount = shareCount;
        this.threshold = threshold;
        this.wrappedKeyringKey = wrapped.clone();
    }

    void keyringChanged() {
        keyringGeneration++;
    }

    void raiseMinDecryptionVersion(int version) {
        this.minDecryptionVersion = version;
        keyringGeneration++;
    }
}
