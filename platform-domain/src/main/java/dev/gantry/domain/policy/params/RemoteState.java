package dev.gantry.domain.policy.params;

/** {@code infra.remoteState}: infrastructure state lives in an access-controlled remote backend, never locally. */
public record RemoteState(boolean encrypted, boolean locked) implements RuleParameters {

    @Override
    public String summary() {
        return "infrastructure state kept in an access-controlled remote backend"
                + (encrypted ? ", encrypted at rest" : "") + (locked ? ", locked during changes" : "");
    }
}
