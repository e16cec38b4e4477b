package dev.gantry.access.internal.identity;

import java.time.Instant;
import java.util.UUID;

import dev.gantry.domain.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "access_role_grant")
public class RoleGrant {

    @Id
    private UUID id;
    @Column(name = "user_id")
    private UUID userId;
    @Enumerated(EnumType.STRING)
    private Role role;
    @Column(name = "team_id")
    private @Nullable UUID teamId;
    @Column(name = "granted_by")
    private String grantedBy;
    @Column(name = "granted_at")
    private Instant grantedAt;

    protected RoleGrant() {
    }

    public RoleGrant(UUID userId, Role role, @Nullable UUID teamId, String grantedBy, Instant now) {
        this.id = UUID.randomUUID();
        this.userId = userId;
        this.role = role;
        this.teamId = teamId;
        this.grantedBy = grantedBy;
        this.grantedAt = now;
    }

    public UUID id() { return id; }
    public UUID userId() { return userId; }
    public Role role() { return role; }
    public @Nullable UUID teamId() { return teamId; }
    public String grantedBy() { return grantedBy; }
    public Instant grantedAt() { return grantedAt; }
}
