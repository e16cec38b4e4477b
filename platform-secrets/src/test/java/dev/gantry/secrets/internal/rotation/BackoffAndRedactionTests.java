package dev.gantry.secrets.internal.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.secrets.RotationStepException;
import dev.gantry.secrets.SecretValue;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BackoffAndRedactionTests {

    @Test
    void theDelayDoublesUpToTheCapAndIsDrawnFromItsUpperHalf() {
        Backoff backoff = new Backoff(Duration.ofMinutes(5), Duration.ofHours(1), RandomGenerator.of("L64X128MixRandom"));
        Instant now = Instant.parse("2026-11-22T15:00:00Z");

        assertThat(backoff.nominal(1)).isEqualTo(Duration.ofMinutes(5));
        assertThat(backoff.nominal(4)).isEqualTo(Duration.ofMinutes(40));
        assertThat(backoff.nominal(5)).isEqualTo(Duration.ofHours(1));
        assertThat(backoff.nominal(500)).isEqualTo(Duration.ofHours(1));
        Set<Instant> draws = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            Instant next = backoff.next(now, 3);
            assertThat(Duration.between(now, next)).isBetween(Duration.ofMinutes(10), Duration.ofMinutes(20));
            draws.add(next);
        }
        assertThat(draws).as("jittered, not all alike").hasSizeGreaterThan(50);
    }

    @Test
    void aRecordedReasonNeverHoldsAValueInPlay() {
        Redaction redaction = new Redaction().hiding(SecretValue.of("s3cret-candidate".toCharArray()))
                .hiding(SecretValue.of("old-current-pw".toCharArray()));

        String reason = redaction.reason(new RotationStepException(
                "login failed for s3cret-candidate after old-current-pw\nstack"));
        String other = redaction.reason(new IllegalStateException("boom with s3cret-candidate"));

        assertThat(reason).isEqualTo("login failed for [hidden] after [hidden] stack");
        assertThat(other).isEqualTo("IllegalStateException: boom with [hidden]");
        assertThat(redaction.clean("x".repeat(1000))).hasSize(Redaction.MAX_REASON);
    }
}
