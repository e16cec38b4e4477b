package dev.gantry.secrets.internal.scan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A finding someone judged harmless, by fingerprint, with their reason. */
@Entity
@Table(name = "secret_scan_allowed")
public class AllowedFindingEntity {

    @Id
    private String fingerprint;

    private String reason;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "created_by")
    private String createdBy;

    protected AllowedFindingEntity() {
        this.fingerprint = "";
        this.reason = "";
        this.createdAt = Instant.EPOCH;
        this.createdBy = "";
    }

    public AllowedFindingEntity(String fingerprint, String reason, Instant now, String by) {
        this.fingerprint = fingerprint;
        this.reason = reason;
        this.createdAt = now;
        this.createdBy = by;
    }

    public String fingerprint() {
        return fingerprint;
    }

    public String reason() {
        return reason;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }
}
