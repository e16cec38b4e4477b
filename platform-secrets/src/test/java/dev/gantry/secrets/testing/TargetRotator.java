package dev.gantry.secrets.testing;

import dev.gantry.secrets.RotationContext;
import dev.gantry.secrets.RotationStepException;
import dev.gantry.secrets.Rotator;
import dev.gantry.secrets.RotatorParameters;
import dev.gantry.secrets.SecretValue;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A rotator whose target is a credential store in this JVM (one accepted credential per path), with faults to
 * inject: refusals of set or test, a pause in each step, and a crash (an {@link Error}, which no step catches, as a
 * stand-in for the node dying) before or after the target changes. It stands in for the target in tests of the
 * rotation's own logic; the built-in rotators are tested against real targets.
 */
public final class TargetRotator implements Rotator {

    /** The node dies here: nothing after it runs, as with kill -9. */
    public static final class SimulatedCrash extends Error {
        SimulatedCrash(String where) {
            super("simulated crash " + where);
        }
    }

    public enum Crash { NONE, BEFORE_SET, AFTER_SET }

    private final Map<String, String> accepted = new ConcurrentHashMap<>();
    private final List<String> revoked = new CopyOnWriteArrayList<>();
    private final List<String> candidates = new CopyOnWriteArrayList<>();
    private final AtomicInteger counter = new AtomicInteger();
    private final AtomicInteger refuseSets = new AtomicInteger();
    private final AtomicInteger refuseTests = new AtomicInteger();
    private volatile long pauseMillis;
    private volatile Crash crash = Crash.NONE;

    @Override
    public String kind() {
        return "target";
    }

    @Override
    public void validate(RotatorParameters parameters) {
        parameters.allowOnly(java.util.Set.of("system"));
    }

    @Override
    public SecretValue createCandidate(RotationContext context) {
        String candidate = "candidate-" + counter.incrementAndGet() + "-" + context.path().hashCode();
        candidates.add(candidate);
        return SecretValue.of(candidate.toCharArray());
    }

    @Override
    public void setOnTarget(RotationContext context, SecretValue candidate) {
        pause();
        if (crash == Crash.BEFORE_SET) {
            crash = Crash.NONE;
            throw new SimulatedCrash("before set");
        }
        if (refuseSets.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new RotationStepException("the target refused the new credential");
        }
        accepted.put(context.path(), new String(candidate.chars()));
        if (crash == Crash.AFTER_SET) {
            crash = Crash.NONE;
            throw new SimulatedCrash("after set");
        }
    }

    @Override
    public void test(RotationContext context, SecretValue credential) {
        pause();
        String value = new String(credential.chars());
        if (candidates.contains(value) && refuseTests.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            // A careless target that echoes the value: the rotation must blank it out before recording.
            throw new RotationStepException("the target does not accept the candidate " + value);
        }
        if (!value.equals(accepted.get(context.path()))) {
            throw new RotationStepException("the target does not accept this credential");
        }
    }

    @Override
    public void revokePrevious(RotationContext context, SecretValue previous) {
        revoked.add(context.path() + "#" + new String(previous.chars()));
    }

    public void accept(String path, String credential) {
        accepted.put(path, credential);
    }

    public String acceptedBy(String path) {
        return accepted.get(path);
    }

    public List<String> revoked() {
        return List.copyOf(revoked);
    }

    public List<String> candidates() {
        return List.copyOf(candidates);
    }

    public void refuseSets(int times) {
        refuseSets.set(times);
    }

    public void refuseTests(int times) {
        refuseTests.set(times);
    }

    public void pauseEachStep(long millis) {
        pauseMillis = millis;
    }

    public void crash(Crash where) {
        crash = where;
    }

    public void reset() {
        accepted.clear();
        revoked.clear();
        candidates.clear();
        refuseSets.set(0);
        refuseTests.set(0);
        pauseMillis = 0;
        crash = Crash.NONE;
    }

    private void pause() {
        if (pauseMillis > 0) {
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
