package dev.gantry.access;

import dev.gantry.domain.audit.AuditOutcome;
import java.time.Instant;
import java.util.Map;

/** One audit entry as the viewer shows it. */
public record AuditEntryView(long seq, Instant time, String actor, String action, String target,
                             AuditOutcome outcome, Map<String, String> details) {

    public AuditEntryView {
        details = Map.copyOf(details);
    }
}
