package dev.gantry.access.internal.identity;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "access_membership")
public class Membership {

    @Embeddable
    public record Key(@Column(name = "team_id") UUID teamId, @Column(name = "user_id") UUID userId) implements Serializable {
    }

    @EmbeddedId
    private Key key;
    @Column(name = "joined_at")
    private Instant joinedAt;

    protected Membership() {
    }

    public Membership(UUID teamId, UUID userId, Instant now) {
        this.key = new Key(teamId, userId);
        this.joinedAt = now;
    }

    public UUID teamId() { return key.teamId(); }
    public UUID userId() { return key.userId(); }
    public Instant joinedAt() { return joinedAt; }
}
