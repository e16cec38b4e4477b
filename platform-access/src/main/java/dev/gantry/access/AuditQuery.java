package dev.gantry.access;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A filter over the audit trail; every part is optional and blank text counts as absent.
 *
 * @param actor          exactly this actor
 * @param actionPrefix   actions starting with this, e.g. {@code user.} for every user action
 * @param targetContains targets containing this, ignoring case
 * @param from           at or after this time
 * @param to             before this time
 */
public record AuditQuery(@Nullable String actor, @Nullable String actionPrefix, @Nullable String targetContains,
                         @Nullable Instant from, @Nullable Instant to) {

    private static final int MAX_TEXT = 255;

    public AuditQuery {
        actor = normalise(actor, "actor");
        actionPrefix = normalise(actionPrefix, "action prefix");
        targetContains = normalise(targetContains, "target");
    }

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null);
    }

    public AuditQuery withActor(@Nullable String actor) {
        return new AuditQuery(actor, actionPrefix, targetContains, from, to);
    }

    public AuditQuery withActionPrefix(@Nullable String actionPrefix) {
        return new AuditQuery(actor, actionPrefix, targetContains, from, to);
    }

    public AuditQuery withTargetContaining(@Nullable String targetContains) {
        return new AuditQuery(actor, actionPrefix, targetContains, from, to);
    }

    public AuditQuery between(@Nullable Instant from, @Nullable Instant to) {
        return new AuditQuery(actor, actionPrefix, targetContains, from, to);
    }

    private static @Nullable String normalise(@Nullable String text, String name) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("the " + name + " filter is longer than " + MAX_TEXT + " characters");
        }
        return text.strip();
    }
}
