package dev.gantry.secrets.internal.policy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import dev.gantry.secrets.internal.store.AssignedIdEntity;
import java.time.Instant;

/** A stored policy as it is now; its earlier versions are {@link PolicyRevisionEntity} rows. */
@Entity
@Table(name = "secret_policy")
public class PolicyEntity extends AssignedIdEntity<String> {

    @Id
    private String name;

    private String description;

    private long version;

    private String rules;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "updated_by")
    private String updatedBy;


    protected PolicyEntity() {
        super(false);
        this.name = "";
        this.description = "";
        this.rules = "";
        this.createdAt = Instant.EPOCH;
        this.createdBy = "";
        this.updatedAt = Instant.EPOCH;
        this.updatedBy = "";
    }

    public PolicyEntity(String name, String description, long version, String rules, Instant now, String by) {
        super(true);
        this.name = name;
        this.description = description;
        this.version = version;
        this.rules = rules;
        this.createdAt = now;
        this.createdBy = by;
        this.updatedAt = now;
        this.updatedBy = by;
    }

    @Override
    public String getId() {
        return name;
    }

    public void change(String description, String rules, Instant now, String by) {
        this.description = description;
        this.rules = rules;
        this.version++;
        this.updatedAt = now;
        this.updatedBy = by;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public long version() {
        return version;
    }

    public String rules() {
        return rules;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String updatedBy() {
        return updatedBy;
    }
}
