package dev.gantry.access.internal.audit;

import dev.gantry.access.internal.Actors;
import dev.gantry.access.AuditCheckpoint;
import dev.gantry.domain.audit.AuditRecord;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signs the head and records the checkpoint, in one transaction that holds the head lock throughout.
 *
 * <p>The head is read in a fresh transaction, so it names only committed entries; the file line is forced to disk
 * before the commit. If the commit then fails, the file holds a checkpoint of entries that do exist, which stays
 * true; the reverse order could leave the database claiming a checkpoint the file never got.
 */
@Component
public class Checkpointing {

    private final ChainedAuditTrail trail;
    private final CheckpointKeys keys;
    private final CheckpointFile file;
    private final JdbcClient jdbc;
    private final Clock clock;

    public Checkpointing(ChainedAuditTrail trail, CheckpointKeys keys, CheckpointFile file, JdbcClient jdbc,
                         Clock clock) {
        this.trail = trail;
        this.keys = keys;
        this.file = file;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public AuditCheckpoint checkpoint() {
        var head = trail.lockHead();
        var checkpoint = keys.sign(head.lastSeq(), head.lastHash(), AuditChain.storable(clock.instant()));
        file.append(checkpoint);
        jdbc.sql("""
                        insert into access_audit_checkpoint (seq, hash, created_at, key_id, signature)
                        values (?, ?, ?, ?, ?)""")
                .params(checkpoint.seq(), checkpoint.hash(),
                        OffsetDateTime.ofInstant(checkpoint.time(), ZoneOffset.UTC), checkpoint.keyId(),
                        checkpoint.signature())
                .update();
        trail.record(AuditRecord.success(Actors.current("system:audit"), "audit.checkpoint", "audit-trail", Map.of(
                "seq", Long.toString(checkpoint.seq()),
                "hash", checkpoint.hash(),
                "keyId", checkpoint.keyId())));
        return checkpoint;
    }
}
