package dev.gantry.secrets;

import dev.gantry.domain.InvalidInputException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How a secret, or every secret under a prefix, is rotated. A policy for the secret itself wins over prefixes, and
 * the longest prefix over shorter ones.
 *
 * @param selector    the secret's path ({@link RotationScope#SECRET}), or a prefix of whole segments ending with
 *                    {@code /} ({@link RotationScope#PREFIX}, e.g. {@code payments/} or {@code payments/api/})
 * @param rotator     a {@link Rotator#kind()}, or {@link #MANUAL} for secrets Gantry cannot rotate (they carry an
 *                    expiry and earn reminders instead)
 * @param interval    null to use the active policy pack's maximum age (or the configured default)
 * @param window      null to rotate whenever due
 * @param gracePeriod how long a replaced credential keeps working at least
 * @param quietPeriod how long nobody may have read a replaced credential before it is revoked
 */
public record RotationPolicy(RotationScope scope, String selector, String rotator, RotatorParameters parameters,
        @Nullable RotationInterval interval, @Nullable RotationWindow window, Duration gracePeriod,
        Duration quietPeriod, boolean enabled) {

    public static final String MANUAL = "manual";
    public static final Duration MAX_PERIOD = Duration.ofDays(366);

    public RotationPolicy {
        selector = selector.strip();
        if (scope == RotationScope.SECRET) {
            selector = SecretPath.parse(selector).toString();
        } else {
            selector = canonicalPrefix(selector);
        }
        if (gracePeriod.isNegative() || gracePeriod.compareTo(MAX_PERIOD) > 0) {
            throw new InvalidInputException("gracePeriod", "from PT0S to " + MAX_PERIOD.toDays() + " days");
        }
        if (quietPeriod.isNegative() || quietPeriod.compareTo(MAX_PERIOD) > 0) {
            throw new InvalidInputException("quietPeriod", "from PT0S to " + MAX_PERIOD.toDays() + " days");
        }
    }

    /** A policy for one secret with the pack's interval, no window, no grace and no quiet period. */
    public static RotationPolicy forSecret(String path, String rotator, RotatorParameters parameters) {
        return new RotationPolicy(RotationScope.SECRET, path, rotator, parameters, null, null, Duration.ZERO,
                Duration.ZERO, true);
    }

    public RotationPolicy withInterval(@Nullable RotationInterval newInterval) {
        return new RotationPolicy(scope, selector, rotator, parameters, newInterval, window, gracePeriod,
                quietPeriod, enabled);
    }

    public RotationPolicy withWindow(@Nullable RotationWindow newWindow) {
        return new RotationPolicy(scope, selector, rotator, parameters, interval, newWindow, gracePeriod,
                quietPeriod, enabled);
    }

    public RotationPolicy withRevocation(Duration grace, Duration quiet) {
        return new RotationPolicy(scope, selector, rotator, parameters, interval, window, grace, quiet, enabled);
    }

    public boolean manual() {
        return MANUAL.equals(rotator);
    }

    public boolean covers(String path) {
        return scope == RotationScope.SECRET ? selector.equals(path) : path.startsWith(selector);
    }

    private static String canonicalPrefix(String prefix) {
        if (!prefix.endsWith("/")) {
            throw new InvalidInputException("selector", "a prefix is whole path segments ending with /");
        }
        String[] segments = prefix.substring(0, prefix.length() - 1).split("/", -1);
        if (segments.length < 1 || segments.length > 3) {
            throw new InvalidInputException("selector", "a prefix names one to three segments: team/, "
                    + "team/service/ or team/service/environment/");
        }
        StringBuilder probe = new StringBuilder(prefix);
        for (int i = segments.length; i < 3; i++) {
            probe.append("x/");
        }
        SecretPath.parse(probe + "x");
        return prefix;
    }
}
