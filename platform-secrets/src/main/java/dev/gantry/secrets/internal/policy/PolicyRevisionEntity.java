package dev.gantry.secrets.internal.policy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One version of a policy as it was written, or its deletion; never changed once written. */
@Entity
@Table(name = "secret_policy_revision")
public class PolicyRevisionEntity {

    @Id
    private UUID id;

    @Column(name = "policy_name")
    private String policyName;

    private long version;

    private String description;

    private String rules;

    private boolean deleted;

    @Column(name = "changed_at")
    private Instant changedAt;

    @Column(name = "changed_by")
    private String changedBy;

    protected PolicyRevisionEntity() {
        this.id = new UUID(0, 0);
        this.policyName = "";
        this.description = "";
        this.rules = "";
        this.changedAt = Instant.EPOCH;
        this.changedBy = "";
    }

    public PolicyRevisionEntity(String policyName, long version, String description, String rules, boolean deleted,
            Instant changedAt, String changedBy) {
        this.id = UUID.randomUUID();
        this.policyName = policyName;
        this.version = version;
        this.description = description;
        this.rules = rules;
        this.deleted = deleted;
        this.changedAt = changedAt;
        this.changedBy = changedBy;
    }

    public String policyName() {
        return policyName;
    }

    public long version() {
        return version;
    }

    public String description() {
        return description;
    }

    public String rules() {
        return rules;
    }

    public boolean deleted() {
        return deleted;
    }

    public Instant changedAt() {
        return changedAt;
    }

    public String changedBy() {
        return changedBy;
    }
}
