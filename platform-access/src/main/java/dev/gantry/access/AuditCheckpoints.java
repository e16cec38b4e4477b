package dev.gantry.access;

import dev.gantry.access.internal.audit.Checkpointing;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seals the audit trail as it stands: an Ed25519-signed checkpoint of the newest entry, stored in the database and
 * appended to the checkpoint file ({@code gantry.audit.checkpoint-dir}), and recorded as {@code audit.checkpoint}.
 * A scheduled job calls this; the interval between checkpoints is the window in which the newest entries can be
 * deleted without detection (see {@link AuditVerifier}).
 */
@Service
public class AuditCheckpoints {

    private final Checkpointing checkpointing;

    public AuditCheckpoints(Checkpointing checkpointing) {
        this.checkpointing = checkpointing;
    }

    /**
     * Never inside a caller's transaction: a checkpoint must sign committed entries only, and the caller might
     * already hold the head lock it needs.
     */
    @Transactional(propagation = Propagation.NEVER)
    @PreAuthorize("hasAnyRole('ADMIN','AUDITOR')")
    public AuditCheckpoint checkpoint() {
        return checkpointing.checkpoint();
    }
}
