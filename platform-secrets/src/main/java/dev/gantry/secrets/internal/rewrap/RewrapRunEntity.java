package dev.gantry.secrets.internal.rewrap;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** When the rewrap to one root key version started and finished; its progress is read from the data itself. */
@Entity
@Table(name = "secret_rewrap")
public class RewrapRunEntity {

    @Id
    @Column(name = "target_key_version")
    private int targetKeyVersion;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "started_by")
    private String startedBy;

    @Column(name = "finished_at")
    private @Nullable Instant finishedAt;

    protected RewrapRunEntity() {
        this.startedAt = Instant.EPOCH;
        this.startedBy = "";
    }

    public RewrapRunEntity(int targetKeyVersion, Instant startedAt, String startedBy) {
        this.targetKeyVersion = targetKeyVersion;
        this.startedAt = startedAt;
        this.startedBy = startedBy;
    }

    public int targetKeyVersion() {
        return targetKeyVersion;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public @Nullable Instant finishedAt() {
        return finishedAt;
    }

    public void finish(Instant now) {
        if (finishedAt == null) {
            finishedAt = now;
        }
    }
}
