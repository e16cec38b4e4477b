package dev.gantry.secrets.internal.token;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A vault token: everything but its value, of which only the SHA-256 is kept. */
@Entity
@Table(name = "secret_token")
public class VaultTokenEntity {

    @Id
    private UUID id;

    @Column(name = "token_hash")
    private String tokenHash;

    private String owner;

    private String name;

    private String kind;

    private String policies;

    @Column(name = "parent_id")
    private @Nullable UUID parentId;

    private boolean renewable;

    @Column(name = "ttl_seconds")
    private long ttlSeconds;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "max_expires_at")
    private Instant maxExpiresAt;

    @Column(name = "revoked_at")
    private @Nullable Instant revokedAt;

    @Column(name = "revoked_by")
    private @Nullable String revokedBy;

    @Column(name = "revoke_reason")
    private @Nullable String revokeReason;

    protected VaultTokenEntity() {
        this.id = new UUID(0, 0);
        this.tokenHash = "";
        this.owner = "";
        this.name = "";
        this.kind = "";
        this.policies = "";
        this.createdAt = Instant.EPOCH;
        this.createdBy = "";
        this.expiresAt = Instant.EPOCH;
        this.maxExpiresAt = Instant.EPOCH;
    }

    public VaultTokenEntity(UUID id, String tokenHash, String owner, String name, String kind, Set<String> policies,
            @Nullable UUID parentId, boolean renewable, long ttlSeconds, Instant createdAt, String createdBy,
            Instant expiresAt, Instant maxExpiresAt) {
        this.id = id;
        this.tokenHash = tokenHash;
        this.owner = owner;
        this.name = name;
        this.kind = kind;
        this.policies = String.join(" ", new TreeSet<>(policies));
        this.parentId = parentId;
        this.renewable = renewable;
        this.ttlSeconds = ttlSeconds;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.expiresAt = expiresAt;
        this.maxExpiresAt = maxExpiresAt;
    }

    /** Usable now: not revoked, not expired. Its ancestors are checked separately. */
    public boolean usableAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    public void extendTo(Instant newExpiry) {
        this.expiresAt = newExpiry;
    }

    public void revoke(Instant now, String by, String reason) {
        this.revokedAt = now;
        this.revokedBy = by;
        this.revokeReason = reason;
    }

    public UUID id() {
        return id;
    }

    public String tokenHash() {
        return tokenHash;
    }

    public String owner() {
        return owner;
    }

    public String name() {
        return name;
    }

    public String kind() {
        return kind;
    }

    public Set<String> policies() {
        Set<String> names = new TreeSet<>(Arrays.asList(policies.split(" ")));
        names.remove("");
        return names;
    }

    public @Nullable UUID parentId() {
        return parentId;
    }

    public boolean renewable() {
        return renewable;
    }

    public long ttlSeconds() {
        return ttlSeconds;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant maxExpiresAt() {
        return maxExpiresAt;
    }

    public @Nullable Instant revokedAt() {
        return revokedAt;
    }

    public @Nullable String revokedBy() {
        return revokedBy;
    }

    public @Nullable String revokeReason() {
        return revokeReason;
    }
}
