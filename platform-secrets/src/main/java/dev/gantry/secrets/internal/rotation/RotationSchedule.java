package dev.gantry.secrets.internal.rotation;

import dev.gantry.domain.InvalidInputException;
import dev.gantry.secrets.RotationDefaults;
import dev.gantry.secrets.RotationInterval;
import dev.gantry.secrets.RotationPolicy;
import dev.gantry.secrets.RotationScope;
import dev.gantry.secrets.RotationState;
import dev.gantry.secrets.RotationStatus;
import dev.gantry.secrets.internal.rotation.SecretRows.SecretRow;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When secrets are due, when they expire and how their rotation stands: the policy that governs a path, the
 * interval it gets (its own, capped by the active policy pack's maximum age, else the pack's, else the configured
 * default), counted from when CURRENT became current.
 */
@Component
public class RotationSchedule {

    private final ObjectProvider<RotationDefaults> defaults;
    private final RotationInterval defaultInterval;
    private final int failuresBeforeAlert;
    private final Clock clock;

    RotationSchedule(ObjectProvider<RotationDefaults> defaults, Clock clock,
            @Value("${gantry.secrets.rotation.default-interval:P90D}") String defaultInterval,
            @Value("${gantry.secrets.rotation.failures-before-alert:3}") int failuresBeforeAlert) {
        if (failuresBeforeAlert < 1) {
            throw new IllegalArgumentException("gantry.secrets.rotation.failures-before-alert must be at least 1");
        }
        this.defaults = defaults;
        this.clock = clock;
        this.defaultInterval = new RotationInterval(defaultInterval);
        this.failuresBeforeAlert = failuresBeforeAlert;
    }

    /** When a credential that became current at {@code since} is due, and the pack rule that bounds it. */
    public record Due(Instant at, @Nullable String rule) {
    }

    public int failuresBeforeAlert() {
        return failuresBeforeAlert;
    }

    /** @throws InvalidInputException (field {@code interval}) if the policy allows more than the pack */
    public void requireWithinPack(RotationPolicy policy) {
        RotationInterval interval = policy.interval();
        Optional<RotationDefaults.MaximumAge> maximum = maximumAge();
        if (interval != null && maximum.isPresent()) {
            Instant probe = clock.instant();
            if (interval.after(probe).isAfter(plus(probe, maximum.get().maxAge()))) {
                throw new InvalidInputException("interval", "the active policy pack (" + maximum.get().rule()
                        + ") allows at most " + maximum.get().maxAge());
            }
        }
    }

    public Due due(@Nullable RotationPolicy policy, Instant since) {
        Optional<RotationDefaults.MaximumAge> maximum = maximumAge();
        Instant byPack = maximum.map(max -> plus(since, max.maxAge())).orElse(null);
        Instant byPolicy = policy == null || policy.interval() == null ? null : policy.interval().after(since);
        Instant due;
        if (byPolicy == null && byPack == null) {
            due = defaultInterval.after(since);
        } else if (byPolicy == null) {
            due = byPack;
        } else if (byPack == null) {
            due = byPolicy;
        } else {
            due = byPolicy.isBefore(byPack) ? byPolicy : byPack;
        }
        return new Due(due, maximum.map(max -> max.rule().toString()).orElse(null));
    }

    /** Whether a scheduled run should rotate it now: due, out of back-off, inside its window, nothing in flight. */
    public boolean isDue(SecretRow row, RotationPolicy policy, @Nullable RotationStateEntity state, Instant now) {
        if (!policy.enabled() || policy.manual() || row.pendingVersion() != null
                || (state != null && state.step() != null)) {
            return false;
        }
        Instant since = row.currentSince() == null ? now : row.currentSince();
        if (due(policy, since).at().isAfter(now)) {
            return false;
        }
        if (state != null && state.nextAttemptAt() != null && state.nextAttemptAt().isAfter(now)) {
            return false;
        }
        return policy.window() == null || policy.window().contains(now);
    }

    /**
     * An expiry set by hand for the current version, else the end of validity the rotator read from the value it
     * rotated in, else for manual secrets the last change plus the interval.
     */
    public @Nullable Instant expiry(SecretRow row, @Nullable RotationPolicy policy,
            @Nullable RotationStateEntity state) {
        if (state != null) {
            Instant explicit = state.expiresAt(row.currentVersion());
            if (explicit != null) {
                return explicit;
            }
            Instant completed = state.lastCompletedAt();
            if (state.currentExpiresAt() != null && completed != null && completed.equals(row.currentSince())) {
                return state.currentExpiresAt();
            }
        }
        if (policy != null && policy.manual() && row.currentSince() != null) {
            return due(policy, row.currentSince()).at();
        }
        return null;
    }

    /** Null for a secret neither a policy nor an expiry covers. */
    public @Nullable RotationStatus status(SecretRow row, @Nullable RotationPolicy policy,
            @Nullable RotationStateEntity state, Instant now) {
        Instant expiry = expiry(row, policy, state);
        if (policy == null && expiry == null) {
            return null;
        }
        int failures = state == null ? 0 : state.consecutiveFailures();
        Instant since = row.currentSince();
        Due due = since == null ? null : due(policy, since);
        Instant nextDue = policy == null || policy.manual() || due == null ? null : due.at();
        RotationState rotationState;
        if (row.pendingVersion() != null || (state != null && state.step() != null)) {
            rotationState = RotationState.IN_PROGRESS;
        } else if (policy == null || policy.manual()) {
            rotationState = RotationState.MANUAL;
        } else if (!policy.enabled()) {
            rotationState = RotationState.DISABLED;
        } else if (failures >= failuresBeforeAlert) {
            rotationState = RotationState.FAILING;
        } else if (failures > 0) {
            rotationState = RotationState.RETRYING;
        } else if (nextDue != null && !nextDue.isAfter(now)) {
            rotationState = RotationState.DUE;
        } else {
            rotationState = RotationState.SCHEDULED;
        }
        return new RotationStatus(row.path(), policy == null ? null : policy.scope(),
                policy == null ? null : policy.selector(), policy == null ? RotationPolicy.MANUAL : policy.rotator(),
                rotationState, row.currentVersion(), row.pendingVersion(), row.previousVersion(), since, nextDue,
                failures, state == null ? null : state.nextAttemptAt(), state == null ? null : state.lastFailure(),
                expiry, due == null ? null : due.rule());
    }

    /** The secret's own policy, else the longest prefix that covers the path. */
    public static @Nullable RotationPolicy governing(List<RotationPolicy> all, String path) {
        RotationPolicy best = null;
        for (RotationPolicy policy : all) {
            if (!policy.covers(path)) {
                continue;
            }
            if (policy.scope() == RotationScope.SECRET) {
                return policy;
            }
            if (best == null || policy.selector().length() > best.selector().length()) {
                best = policy;
            }
        }
        return best;
    }

    private Optional<RotationDefaults.MaximumAge> maximumAge() {
        return defaults.getIfAvailable(RotationDefaults::none).maximumAge();
    }

    private static Instant plus(Instant instant, Period period) {
        return instant.atZone(ZoneOffset.UTC).plus(period).toInstant();
    }
}
