package dev.gantry.secrets;

import java.time.Instant;
import java.util.Optional;

/**
 * Makes new credentials and puts them where they are used, in the four steps of a rotation: create a candidate,
 * set it on the target, test that the target accepts it, finish. {@link SecretRotation} runs the steps, moves the
 * staging labels and records each step; a rotator only talks to its target.
 *
 * <p>Every method may be called again for the same candidate after a crash, so {@link #setOnTarget} and
 * {@link #test} must be idempotent. A failure is an exception; its message is recorded (with any value it might
 * contain blanked out), so say what went wrong, never what the value was. Built-in kinds: {@code password},
 * {@code api-key}, {@code key-pair}, {@code certificate}, {@code jdbc-password}, {@code command}, {@code webhook}.
 */
public interface Rotator {

    /** The name policies use, e.g. {@code password}: lower-case words joined by hyphens. */
    String kind();

    /**
     * Checks a policy's parameters when the policy is saved.
     *
     * @throws dev.gantry.domain.InvalidInputException with field {@code parameters.<name>}
     */
    void validate(RotatorParameters parameters);

    /** A fresh credential. */
    SecretValue createCandidate(RotationContext context);

    /** Makes the target accept {@code candidate}. */
    void setOnTarget(RotationContext context, SecretValue candidate);

    /** Proves that the target accepts {@code credential}; throws if it does not. */
    void test(RotationContext context, SecretValue credential);

    /** Runs once the candidate is CURRENT; a failure here is recorded but does not undo the rotation. */
    default void finish(RotationContext context, SecretValue current) {
    }

    /**
     * Revokes a replaced credential at the target, after its grace period and once nobody read it for the quiet
     * period. The default does nothing: for targets where setting a new credential already ends the old one.
     */
    default void revokePrevious(RotationContext context, SecretValue previous) {
    }

    /** When {@code value} stops being valid by itself (a certificate's end of validity), if it does. */
    default Optional<Instant> expiryOf(SecretValue value) {
        return Optional.empty();
    }
}
