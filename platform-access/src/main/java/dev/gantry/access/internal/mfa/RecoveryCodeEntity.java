package dev.gantry.access.internal.mfa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The keyed hash of one recovery code; {@code usedAt} is set when it was spent. */
@Entity
@Table(name = "access_recovery_code")
public class RecoveryCodeEntity {

    @Id
    private UUID id;

    private String username;

    @Column(name = "code_hash")
    private String codeHash;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "used_at")
    private @Nullable Instant usedAt;

    protected RecoveryCodeEntity() {
        this.id = new UUID(0, 0);
        this.username = "";
        this.codeHash = "";
        this.createdAt = Instant.EPOCH;
    }

    public RecoveryCodeEntity(String username, String codeHash, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.username = username;
        this.codeHash = codeHash;
        this.createdAt = createdAt;
    }
}
