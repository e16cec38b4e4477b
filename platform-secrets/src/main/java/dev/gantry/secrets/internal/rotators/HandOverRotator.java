package dev.gantry.secrets.internal.rotators;

import dev.gantry.secrets.RotationContext;
import dev.gantry.secrets.Rotator;
import dev.gantry.secrets.RotatorParameters;
import dev.gantry.secrets.SecretValue;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

/**
 * A rotator that generates a password by the {@link PasswordRules} and hands every step to something outside
 * Gantry that holds the credential where it is used (a program, a web hook): the same hand-over with the action
 * {@code set}, {@code test} or {@code revoke} and the value concerned. Subclasses say how the value travels.
 */
abstract class HandOverRotator implements Rotator {

    private final SecureRandom random = new SecureRandom();

    /** The password rules' parameters and the subclass's own. */
    static Set<String> parameters(String... own) {
        Set<String> known = new HashSet<>(PasswordRules.PARAMETERS);
        known.addAll(Set.of(own));
        return Set.copyOf(known);
    }

    /** Checks the password rules; subclasses check their own parameters first. */
    static void validateRules(RotatorParameters parameters) {
        rules(parameters);
    }

    @Override
    public SecretValue createCandidate(RotationContext context) {
        return rules(context.parameters()).generate(random);
    }

    @Override
    public void setOnTarget(RotationContext context, SecretValue candidate) {
        handOver(context, "set", candidate);
    }

    @Override
    public void test(RotationContext context, SecretValue credential) {
        handOver(context, "test", credential);
    }

    @Override
    public void revokePrevious(RotationContext context, SecretValue previous) {
        handOver(context, "revoke", previous);
    }

    /**
     * Hands {@code value} over for {@code action}; returns when the other side said it is done.
     *
     * @throws dev.gantry.secrets.RotationStepException saying what failed, never with the value
     */
    abstract void handOver(RotationContext context, String action, SecretValue value);

    private static PasswordRules rules(RotatorParameters parameters) {
        return PasswordRules.from(parameters, PasswordRules.DEFAULT_SYMBOLS, "");
    }
}
