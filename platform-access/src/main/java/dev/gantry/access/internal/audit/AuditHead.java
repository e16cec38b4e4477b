package dev.gantry.access.internal.audit;

/** The newest entry as the head row records it; {@code lastSeq} 0 and the genesis hash for an empty trail. */
public record AuditHead(long lastSeq, String lastHash) {
}
