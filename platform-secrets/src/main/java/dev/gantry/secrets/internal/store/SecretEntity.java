package dev.gantry.secrets.internal.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A secret's metadata: everything about it but its values. */
@Entity
@Table(name = "secret_metadata")
public class SecretEntity extends AssignedIdEntity<UUID> {

    @Id
    private UUID id;


    private String path;

    @Column(name = "owner_team")
    private String ownerTeam;

    private String description;

    @Column(name = "max_versions")
    private int maxVersions;

    /** The highest version number given out; CURRENT is a label (see {@code secret_stage}), not this. */
    @Column(name = "latest_version")
    private long latestVersion;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "updated_by")
    private String updatedBy;

    protected SecretEntity() {
        super(false);
        this.id = new UUID(0, 0);
        this.path = "";
        this.ownerTeam = "";
        this.description = "";
        this.createdAt = Instant.EPOCH;
        this.createdBy = "";
        this.updatedAt = Instant.EPOCH;
        this.updatedBy = "";
    }

    public SecretEntity(UUID id, String path, String ownerTeam, int maxVersions, Instant now, String by) {
        super(true);
        this.id = id;
        this.path = path;
        this.ownerTeam = ownerTeam;
        this.description = "";
        this.maxVersions = maxVersions;
        this.createdAt = now;
        this.createdBy = by;
        this.updatedAt = now;
        this.updatedBy = by;
    }

    @Override
    public UUID getId() {
        return id;
    }

    public UUID id() {
        return id;
    }

    public String path() {
        return path;
    }

    public String ownerTeam() {
        return ownerTeam;
    }

    public String description() {
        return description;
    }

    public int maxVersions() {
        return maxVersions;
    }

    public long latestVersion() {
        return latestVersion;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** The next version number. */
    public long advance(Instant now, String by) {
        latestVersion++;
        touch(now, by);
        return latestVersion;
    }

    public void configure(String description, int maxVersions, Instant now, String by) {
        this.description = description;
        this.maxVersions = maxVersions;
        touch(now, by);
    }

    public void touch(Instant now, String by) {
        this.updatedAt = now;
        this.updatedBy = by;
    }
}
