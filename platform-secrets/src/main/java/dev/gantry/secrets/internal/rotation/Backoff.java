package dev.gantry.secrets.internal.rotation;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * When to try again after {@code failures} consecutive failures: the delay doubles from {@code initial} up to
 * {@code max}, and the actual wait is drawn from its upper half ("equal jitter"), so nodes and secrets that failed
 * together do not all come back in the same second, yet no retry comes sooner than half the nominal delay.
 */
public record Backoff(Duration initial, Duration max, RandomGenerator random) {

    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("back-off needs 0 < initial <= max");
        }
    }

    public Duration nominal(int failures) {
        Duration delay = initial;
        for (int i = 1; i < failures && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }

    public Instant next(Instant now, int failures) {
        long nominalMillis = nominal(failures).toMillis();
        long half = nominalMillis / 2;
        return now.plusMillis(nominalMillis - half + random.nextLong(half + 1));
    }
}
