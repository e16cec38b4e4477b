package dev.gantry.access.internal.mfa;

import dev.gantry.access.MfaStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/** One user's TOTP enrolment. Status NONE is the absence of a row. */
@Entity
@Table(name = "access_mfa")
public class MfaEnrolmentEntity {

    /** Steps start at 0 (1970), so -1 means no code was accepted yet. */
    public static final long NO_STEP_USED = -1;

    @Id
    private String username;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private MfaStatus status;

    @Column(name = "secret_ciphertext")
    private String secretCiphertext;

    @Column(name = "last_used_step")
    private long lastUsedStep;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "activated_at")
    private @Nullable Instant activatedAt;

    protected MfaEnrolmentEntity() {
        this.username = "";
        this.status = MfaStatus.PENDING;
        this.secretCiphertext = "";
        this.createdAt = Instant.EPOCH;
    }

    public MfaEnrolmentEntity(String username, String secretCiphertext, Instant createdAt) {
        this.username = username;
        this.status = MfaStatus.PENDING;
        this.secretCiphertext = secretCiphertext;
        this.lastUsedStep = NO_STEP_USED;
        this.createdAt = createdAt;
    }

    public String username() {
        return username;
    }

    public MfaStatus status() {
        return status;
    }

    public String secretCiphertext() {
        return secretCiphertext;
    }

    public long lastUsedStep() {
        return lastUsedStep;
    }

    /** A new secret for a pending enrolment that was started again. */
    public void replacePendingSecret(String newCiphertext, Instant now) {
        if (status != MfaStatus.PENDING) {
            throw new IllegalStateException("only a pending enrolment can get a new secret");
        }
        this.secretCiphertext = newCiphertext;
        this.createdAt = now;
    }
}
