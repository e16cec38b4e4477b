package dev.gantry.access;

import dev.gantry.access.AuditVerification.Broken;
import dev.gantry.access.AuditVerification.Intact;
import dev.gantry.access.internal.Actors;
import dev.gantry.access.internal.audit.ChainCheck;
import dev.gantry.domain.audit.AuditOutcome;
import dev.gantry.domain.audit.AuditRecord;
import dev.gantry.domain.audit.AuditTrail;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks that the audit trail is complete and unchanged, and records the result as {@code audit.verified}.
 *
 * <p>The whole chain is recomputed in pages of bounded size, sequence numbers must run 1..n without gaps, the head
 * row must agree with the newest entry, and the last checkpoint in the checkpoint file must carry a valid signature
 * and match the chain. Entries newer than that checkpoint are protected against editing by the chain, but against
 * silent deletion of the newest ones only by the head row, which whoever can write the database can reset: the
 * checkpoint schedule bounds that window.
 */
@Service
public class AuditVerifier {

    private static final Logger log = LoggerFactory.getLogger(AuditVerifier.class);

    private final ChainCheck chainCheck;
    private final AuditTrail trail;
    private final TransactionTemplate transactions;

    public AuditVerifier(ChainCheck chainCheck, AuditTrail trail, PlatformTransactionManager transactionManager) {
        this.chainCheck = chainCheck;
        this.trail = trail;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Reads without locking, so appends go on meanwhile; the result covers the trail as the head stood then. */
    @PreAuthorize("hasAnyRole('ADMIN','AUDITOR')")
    public AuditVerification verify() {
        var result = chainCheck.run();
        var record = switch (result) {
            case Intact intact -> new AuditRecord(Actors.current("system:audit"), "audit.verified", "audit-trail",
                    AuditOutcome.SUCCESS, Map.of(
                            "entries", Long.toString(intact.entries()),
                            "lastSeq", Long.toString(intact.lastSeq()),
                            "checkpointSeq", intact.checkpointSeq().map(String::valueOf).orElse("none"),
                            "tookMillis", Long.toString(intact.took().toMillis())));
            case Broken broken -> new AuditRecord(Actors.current("system:audit"), "audit.verified", "audit-trail",
                    AuditOutcome.FAILURE, Map.of(
                            "firstBrokenSeq", Long.toString(broken.firstBrokenSeq()),
                            "reason", broken.reason()));
        };
        try {
            transactions.executeWithoutResult(status -> trail.record(record));
        } catch (RuntimeException e) {
            // A trail broken badly enough refuses appends too (e.g. a forged row holds the next number); the
            // finding is then worth more than the record of having looked, so report it rather than the failure.
            if (result instanceof Broken broken) {
                log.error("The audit trail is broken ({}) and this verification could not be recorded in it",
                        broken.reason(), e);
                return new Broken(broken.firstBrokenSeq(),
                        broken.reason() + "; recording this verification in the trail failed as well");
            }
            throw e;
        }
        return result;
    }
}
