package dev.gantry.access;

import java.time.Duration;
import java.util.Optional;

/** What checking the audit trail found. */
public sealed interface AuditVerification {

    /**
     * Every entry is unchanged and in place, the head agrees with the newest entry, and the last signed checkpoint
     * (if any) matches.
     *
     * @param checkpointSeq the entry the last signed checkpoint covers, if there is one
     */
    record Intact(long entries, long lastSeq, Optional<Long> checkpointSeq, Duration took)
            implements AuditVerification {
    }

    /**
     * The trail cannot be trusted from {@code firstBrokenSeq} on; 0 when the fault lies outside the entries, such as
     * an unreadable checkpoint file.
     *
     * @param reason what is wrong, in words an auditor can act on
     */
    record Broken(long firstBrokenSeq, String reason) implements AuditVerification {
    }
}
