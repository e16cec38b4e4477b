package dev.gantry.domain.policy.params;

import java.util.Set;

/** {@code incidents.notification}: the channels an alert or incident notifies people through. */
public record IncidentNotification(Set<Channel> channels) implements RuleParameters {

    public enum Channel {
        CHAT,
        PAGER,
        EMAIL
    }

    public IncidentNotification {
        channels = Checks.enums(Channel.class, channels, "channels", true);
    }

    @Override
    public String summary() {
        return "alerts notify through " + Wording.list(channels, c -> Wording.words(c.name()));
    }
}
