package dev.gantry.secrets.internal.seal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The single row saying the vault was initialised, and how it is unsealed. */
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

    protected SealConfigEntity() {
        this.unsealMode = "";
        this.initialisedAt = Instant.EPOCH;
        this.initialisedBy = "";
    }

    public SealConfigEntity(String unsealMode, int shareCount, int threshold, Instant initialisedAt, String by) {
        this.id = ID;
        this.unsealMode = unsealMode;
        this.shareCount = shareCount;
        this.threshold = threshold;
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
}
