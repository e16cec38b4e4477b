package dev.gantry.domain.audit;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One fact for the audit trail, as a module reports it. The trail adds time, sequence and hash.
 * {@code details} must never hold a secret value: callers pass ids, names and HMACs.
 *
 * @param actor   who acted: a user name, {@code token:<id>}, or {@code system:<job>}
 * @param action  dotted verb, e.g. {@code user.created}, {@code team.grant.added}
 * @param target  what was acted on, e.g. {@code user:alice}
 */
public record AuditRecord(String actor, String action, String target, AuditOutcome outcome, Map<String, String> details) {

    public AuditRecord {
        requireText(actor, "actor");
        requireText(action, "action");
        requireText(target, "target");
        Objects.requireNonNull(outcome, "outcome");
        // Sorted so the stored form, and therefore the hash, does not depend on map iteration order.
        details = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(details));
    }

    public static AuditRecord success(String actor, String action, String target, Map<String, String> details) {
        return new AuditRecord(actor, action, target, AuditOutcome.SUCCESS, details);
    }

    public static AuditRecord success(String actor, String action, String target) {
        return success(actor, action, target, Map.of());
    }

    public static AuditRecord denied(String actor, String action, String target, String reason) {
        return new AuditRecord(actor, action, target, AuditOutcome.DENIED, Map.of("reason", reason));
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("audit " + name + " must not be blank");
        }
        if (value.length() > 255) {
            throw new IllegalArgumentException("audit " + name + " is longer than 255 characters");
        }
    }
}
