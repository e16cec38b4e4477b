package dev.gantry.access.internal.token;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One API token: its digest, never its value. */
@Entity
@Table(name = "access_api_token")
public class ApiTokenEntity {

    @Id
    private UUID id;

    private String owner;

    private String name;

    @Column(name = "token_hash")
    private String tokenHash;

    @Column(name = "display_prefix")
    private String displayPrefix;

    /** Wire names separated by single spaces. */
    private String scopes;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "last_used_at")
    private @Nullable Instant lastUsedAt;

    @Column(name = "revoked_at")
    private @Nullable Instant revokedAt;

    @Column(name = "revoked_by")
    private @Nullable String revokedBy;

    protected ApiTokenEntity() {
        this.id = new UUID(0, 0);
        this.owner = "";
        this.name = "";
        this.tokenHash = "";
        this.displayPrefix = "";
        this.scopes = "";
        this.createdAt = Instant.EPOCH;
        this.expiresAt = Instant.EPOCH;
    }

    public ApiTokenEntity(UUID id, String owner, String name, String tokenHash, String displayPrefix, String scopes,
            Instant createdAt, Instant expiresAt) {
        this.id = id;
        this.owner = owner;
        this.name = name;
        this.tokenHash = tokenHash;
        this.displayPrefix = displayPrefix;
        this.scopes = scopes;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public UUID id() {
        return id;
    }

    public String owner() {
        return owner;
    }

    public String name() {
        return name;
    }

    public String tokenHash() {
        return tokenHash;
    }

    public String displayPrefix() {
        return displayPrefix;
    }

    public String scopes() {
        return scopes;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public @Nullable Instant lastUsedAt() {
        return lastUsedAt;
    }

    public @Nullable Instant revokedAt() {
        return revokedAt;
    }

    public boolean usableAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    public void revoke(Instant now, String by) {
        if (revokedAt == null) {
            this.revokedAt = now;
            this.revokedBy = by;
        }
    }
}
