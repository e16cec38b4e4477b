package dev.gantry.secrets;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/** What a {@link Rotator} may know and use while it rotates one secret. */
public interface RotationContext {

    /** The secret being rotated. */
    String path();

    /** The policy's settings for the rotator. */
    RotatorParameters parameters();

    /** The CURRENT value; empty if that version was deleted or destroyed. */
    Optional<SecretValue> current();

    /**
     * The candidate in flight, once there is one: a target that only lets the holder of its current credential
     * change it may need it to put CURRENT back after a failed test.
     */
    Optional<SecretValue> pending();

    /** Another secret the rotation needs (an administrator's credential, a signing key); the read is audited. */
    SecretValue secret(String path);

    /** Another secret, written first from {@code create} if it does not exist yet (the internal CA). */
    SecretValue secretOrCreate(String path, Supplier<SecretValue> create);

    Instant now();
}
