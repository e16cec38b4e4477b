package dev.gantry.access.internal.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.gantry.access.AccountKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "access_user")
public class UserAccount {

    /** Failures allowed before the first lock; each failure beyond doubles the lock, up to {@link #MAX_LOCK}. */
    static final int FREE_FAILURES = 5;
    static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    static final Duration MAX_LOCK = Duration.ofMinutes(15);

    @Id
    private UUID id;
    private String username;
    @Column(name = "display_name")
    private String displayName;
    private @Nullable String email;
    @Enumerated(EnumType.STRING)
    private AccountKind kind;
    @Column(name = "password_hash")
    private String passwordHash;
    private boolean enabled;
    @Column(name = "must_change_password")
    private boolean mustChangePassword;
    @Column(name = "failed_attempts")
    private int failedAttempts;
    @Column(name = "locked_until")
    private @Nullable Instant lockedUntil;
    @Column(name = "security_stamp")
    private long securityStamp;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "password_changed_at")
    private @Nullable Instant passwordChangedAt;
    @Column(name = "last_sign_in_at")
    private @Nullable Instant lastSignInAt;
    @Version
    private long version;

    protected UserAccount() {
    }

    public UserAccount(String username, String displayName, @Nullable String email, AccountKind kind,
                       String passwordHash, boolean mustChangePassword, Instant now) {
        this.id = UUID.randomUUID();
        this.username = username;
        this.displayName = displayName;
        this.email = email;
        this.kind = kind;
        this.passwordHash = passwordHash;
        this.enabled = true;
        this.mustChangePassword = mustChangePassword;
        this.createdAt = now;
        this.passwordChangedAt = now;
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** Records a failed sign-in; returns the lock end when this failure locks the account. */
    public @Nullable Instant recordFailure(Instant now) {
        failedAttempts++;
        int beyond = failedAttempts - FREE_FAILURES;
        if (beyond < 0) {
            return null;
        }
        Duration lock = FIRST_LOCK.multipliedBy(1L << Math.min(beyond, 20));
        if (lock.compareTo(MAX_LOCK) > 0) {
            lock = MAX_LOCK;
        }
        lockedUntil = now.plus(lock);
        return lockedUntil;
    }

    public void recordSuccess(Instant now) {
        failedAttempts = 0;
        lockedUntil = null;
        lastSignInAt = now;
    }

    public void changePassword(String newHash, boolean mustChangeAgain, Instant now) {
        passwordHash = newHash;
        mustChangePassword = mustChangeAgain;
        passwordChangedAt = now;
        failedAttempts = 0;
        lockedUntil = null;
        securityStamp++;
    }

    public void disable() {
        enabled = false;
        securityStamp++;
    }

    public void enable() {
        enabled = true;
        failedAttempts = 0;
        lockedUntil = null;
    }

    public void rename(String newDisplayName, @Nullable String newEmail) {
        displayName = newDisplayName;
        email = newEmail;
    }

    public UUID id() { return id; }
    public String username() { return username; }
    public String displayName() { return displayName; }
    public @Nullable String email() { return email; }
    public AccountKind kind() { return kind; }
    public String passwordHash() { return passwordHash; }
    public boolean enabled() { return enabled; }
    public boolean mustChangePassword() { return mustChangePassword; }
    public int failedAttempts() { return failedAttempts; }
    public @Nullable Instant lockedUntil() { return lockedUntil; }
    public long securityStamp() { return securityStamp; }
    public Instant createdAt() { return createdAt; }
    public @Nullable Instant lastSignInAt() { return lastSignInAt; }
}
