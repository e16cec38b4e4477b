package dev.gantry.domain.policy.params;

/** {@code deploy.zeroDowntime}: a deploy never takes the service offline. */
public record ZeroDowntime() implements RuleParameters {

    @Override
    public String summary() {
        return "deploys keep the service available throughout (zero downtime)";
    }
}
