package dev.gantry.secrets.internal.policy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A policy held by a user (by user name) or by every member of a team (by slug). */
@Entity
@Table(name = "secret_policy_grant")
public class PolicyGrantEntity {

    public static final String USER = "USER";
    public static final String TEAM = "TEAM";

    @Id
    private UUID id;

    @Column(name = "policy_name")
    private String policyName;

    @Column(name = "subject_kind")
    private String subjectKind;

    private String subject;

    @Column(name = "granted_at")
    private Instant grantedAt;

    @Column(name = "granted_by")
    private String grantedBy;

    protected PolicyGrantEntity() {
        this.id = new UUID(0, 0);
        this.policyName = "";
        this.subjectKind = USER;
        this.subject = "";
        this.grantedAt = Instant.EPOCH;
        this.grantedBy = "";
    }

    public PolicyGrantEntity(String policyName, String subjectKind, String subject, Instant grantedAt,
            String grantedBy) {
        this.id = UUID.randomUUID();
        this.policyName = policyName;
        this.subjectKind = subjectKind;
        this.subject = subject;
        this.grantedAt = grantedAt;
        this.grantedBy = grantedBy;
    }

    public String policyName() {
        return policyName;
    }

    public String subjectKind() {
        return subjectKind;
    }

    public String subject() {
        return subject;
    }

    public Instant grantedAt() {
        return grantedAt;
    }

    public String grantedBy() {
        return grantedBy;
    }
}
