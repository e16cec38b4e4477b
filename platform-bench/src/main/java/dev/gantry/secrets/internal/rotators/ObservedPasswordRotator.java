package dev.gantry.secrets.internal.rotators;

import dev.gantry.secrets.RotationContext;
import dev.gantry.secrets.Rotator;
import dev.gantry.secrets.RotatorParameters;
import dev.gantry.secrets.SecretValue;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Gantry's {@code password} rotator for the rotation benchmark, with what a concurrent reader needs to judge a value:
 * the digests of candidates that passed the test (and may become CURRENT) and of those refused. Paths that
 * {@code refuse} matches have their candidate refused by the test step, as a target that rejects a credential
 * would. Lives in the rotators' package only to reach the package-private rotator; production code is unchanged.
 */
public final class ObservedPasswordRotator implements Rotator {

    private final PasswordRotator real = new PasswordRotator();
    private final Predicate<String> refuse;
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final Set<String> refused = ConcurrentHashMap.newKeySet();

    public ObservedPasswordRotator(Predicate<String> refuse) {
        this.refuse = refuse;
    }

    @Override
    public String kind() {
        return real.kind();
    }

    @Override
    public void validate(RotatorParameters parameters) {
        real.validate(parameters);
    }

    @Override
    public SecretValue createCandidate(RotationContext context) {
        return real.createCandidate(context);
    }

    @Override
    public void setOnTarget(RotationContext context, SecretValue candidate) {
        real.setOnTarget(context, candidate);
    }

    @Override
    public void test(RotationContext context, SecretValue credential) {
        real.test(context, credential);
        if (refuse.test(context.path())) {
            refused.add(digest(credential));
            throw new IllegalStateException("the target refused the candidate (benchmark: refused on purpose)");
        }
        accepted.add(digest(credential));
    }

    /** True if the candidate was tested and accepted before it could become CURRENT. */
    public boolean accepted(String digest) {
        return accepted.contains(digest);
    }

    public boolean refused(String digest) {
        return refused.contains(digest);
    }

    public int refusals() {
        return refused.size();
    }

    public static String digest(SecretValue value) {
        byte[] bytes = value.utf8();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            java.util.Arrays.fill(bytes, (byte) 0);
        }
    }
}
