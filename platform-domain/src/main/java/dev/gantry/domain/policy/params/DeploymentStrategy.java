package dev.gantry.domain.policy.params;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@code deploy.strategy}: how a new version replaces the old one in production. */
public record DeploymentStrategy(Rollout production, Optional<Duration> standbyRetention, List<Integer> canarySteps)
        implements RuleParameters {

    public enum Rollout {
        BLUE_GREEN("blue/green"),
        CANARY("canary"),
        ROLLING("rolling");

        private final String wording;

        Rollout(String wording) {
            this.wording = wording;
        }
    }

    public DeploymentStrategy {
        Checks.positiveIfPresent(standbyRetention, "standbyRetention");
        canarySteps = List.copyOf(canarySteps);
        if (standbyRetention.isPresent() && production != Rollout.BLUE_GREEN) {
            throw new IllegalArgumentException("standbyRetention: applies to BLUE_GREEN only, not " + production);
        }
        if (!canarySteps.isEmpty() && production != Rollout.CANARY) {
            throw new IllegalArgumentException("canarySteps: apply to CANARY only, not " + production);
        }
        checkSteps(canarySteps);
    }

    private static void checkSteps(List<Integer> steps) {
        int previous = 0;
        for (int step : steps) {
            if (step <= previous || step > 100) {
                throw new IllegalArgumentException(
                        "canarySteps: must be traffic percentages rising from above 0 to 100, was " + steps);
            }
            previous = step;
        }
        if (!steps.isEmpty() && previous != 100) {
            throw new IllegalArgumentException("canarySteps: the last step must send 100% of traffic, was " + steps);
        }
    }

    @Override
    public String summary() {
        String summary = "production deploys " + production.wording;
        if (standbyRetention.isPresent()) {
            summary += "; the previous version stays as hot standby for "
                    + Wording.duration(standbyRetention.get());
        }
        if (!canarySteps.isEmpty()) {
            summary += " through " + Wording.list(canarySteps, step -> step + "%") + " of traffic";
        }
        return summary;
    }
}
