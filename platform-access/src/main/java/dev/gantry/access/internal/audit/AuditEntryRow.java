package dev.gantry.access.internal.audit;

import java.time.Instant;

/** One stored entry exactly as the database holds it; {@code details} is the stored JSON text, which is hashed. */
public record AuditEntryRow(long seq, Instant time, String actor, String action, String target, String outcome,
                            String details, String prevHash, String hash) {

    /** The hash these contents would have if they were entry {@code atSeq} chained after {@link #prevHash}. */
    public String computeHashAt(long atSeq) {
        return AuditChain.hash(prevHash, atSeq, time, actor, action, target, outcome, details);
    }

    public String computeHash() {
        return computeHashAt(seq);
    }
}
