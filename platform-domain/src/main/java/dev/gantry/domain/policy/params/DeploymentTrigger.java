package dev.gantry.domain.policy.params;

import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** {@code deploy.trigger}: what starts a deploy; with {@code TAG}, only tags matching {@code tagPattern} (a regex). */
public record DeploymentTrigger(Event on, Optional<String> tagPattern) implements RuleParameters {

    public enum Event {
        TAG,
        MERGE
    }

    public DeploymentTrigger {
        if (tagPattern.isPresent() && on != Event.TAG) {
            throw new IllegalArgumentException("tagPattern: applies to TAG triggers only");
        }
        tagPattern.ifPresent(DeploymentTrigger::compile);
    }

    private static Pattern compile(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("tagPattern: not a valid regular expression: " + e.getDescription());
        }
    }

    /** Whether a pushed tag starts a deploy; any tag does when no pattern is set. */
    public boolean startsOn(String tag) {
        return on == Event.TAG && tagPattern.map(p -> compile(p).matcher(tag).matches()).orElse(true);
    }

    @Override
    public String summary() {
        return switch (on) {
            case MERGE -> "a deploy starts when a change is merged";
            case TAG -> "a deploy starts when a release tag is pushed"
                    + tagPattern.map(p -> " (tags matching " + p + ")").orElse("");
        };
    }
}
