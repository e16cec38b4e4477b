package dev.gantry.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import dev.gantry.access.internal.identity.UserAccount;
import org.junit.jupiter.api.Test;

class UserAccountLockoutTests {

    private final Instant now = Instant.parse("2026-11-22T10:00:00Z");

    private UserAccount account() {
        return new UserAccount("alice", "Alice", null, AccountKind.PERSON, "hash", false, now);
    }

    @Test
    void fourFailuresDoNotLockTheFifthLocksForThirtySeconds() {
        UserAccount account = account();
        for (int i = 0; i < 4; i++) {
            assertThat(account.recordFailure(now)).isNull();
        }
        assertThat(account.recordFailure(now)).isEqualTo(now.plusSeconds(30));
        assertThat(account.isLockedAt(now.plusSeconds(29))).isTrue();
        assertThat(account.isLockedAt(now.plusSeconds(30))).isFalse();
    }

    @Test
    void eachFurtherFailureDoublesTheLockUpToFifteenMinutes() {
        UserAccount account = account();
        for (int i = 0; i < 5; i++) {
            account.recordFailure(now);
        }
        assertThat(account.recordFailure(now)).isEqualTo(now.plusSeconds(60));
        assertThat(account.recordFailure(now)).isEqualTo(now.plusSeconds(120));
        for (int i = 0; i < 30; i++) {
            account.recordFailure(now);
        }
        assertThat(account.lockedUntil()).isEqualTo(now.plus(Duration.ofMinutes(15)));
    }

    @Test
    void aSuccessfulSignInClearsFailuresAndLock() {
        UserAccount account = account();
        for (int i = 0; i < 6; i++) {
            account.recordFailure(now);
        }
        account.recordSuccess(now.plusSeconds(3600));
        assertThat(account.failedAttempts()).isZero();
        assertThat(account.isLockedAt(now)).isFalse();
    }
}
