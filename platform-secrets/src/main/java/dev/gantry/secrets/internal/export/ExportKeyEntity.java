package dev.gantry.secrets.internal.export;

import dev.gantry.secrets.internal.crypto.WrappedKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One generation of the sealed-export key pair: the public key in clear, the private key wrapped by a root key. */
@Entity
@Table(name = "secret_export_key")
public class ExportKeyEntity {

    @Id
    private int generation;

    @Column(name = "key_id")
    private String keyId;

    @Column(name = "public_key")
    private byte[] publicKey;

    @Column(name = "key_version")
    private int keyVersion;

    @Column(name = "wrapped_private_key")
    private byte[] wrappedPrivateKey;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "created_by")
    private String createdBy;

    protected ExportKeyEntity() {
        this.keyId = "";
        this.publicKey = new byte[0];
        this.wrappedPrivateKey = new byte[0];
        this.createdAt = Instant.EPOCH;
        this.createdBy = "";
    }

    public ExportKeyEntity(int generation, String keyId, byte[] publicKey, WrappedKey privateKey, Instant now,
            String by) {
        this.generation = generation;
        this.keyId = keyId;
        this.publicKey = publicKey.clone();
        this.keyVersion = privateKey.keyVersion();
        this.wrappedPrivateKey = privateKey.wrapped().clone();
        this.createdAt = now;
        this.createdBy = by;
    }

    public int generation() {
        return generation;
    }

    public String keyId() {
        return keyId;
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    public int keyVersion() {
        return keyVersion;
    }

    public WrappedKey privateKey() {
        return new WrappedKey(keyVersion, wrappedPrivateKey.clone());
    }

    public void rewrapped(WrappedKey privateKey) {
        this.keyVersion = privateKey.keyVersion();
        this.wrappedPrivateKey = privateKey.wrapped().clone();
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    /** What the private key's wrapping is bound to, so a wrapped key moved to another generation does not open. */
    public String label() {
        return labelOf(generation, keyId);
    }

    public static String labelOf(int generation, String keyId) {
        return "sealed-export/" + generation + "/" + keyId;
    }
}
