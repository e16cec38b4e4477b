package dev.gantry.access.internal.audit;

import dev.gantry.access.AuditCheckpoint;
import dev.gantry.access.AuditVerification;
import dev.gantry.access.AuditVerification.Broken;
import dev.gantry.access.AuditVerification.Intact;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Recomputes the whole chain, one page at a time, and compares it with the head row and with the last checkpoint
 * in the checkpoint file (not the database copy, which whoever edits entries may edit too).
 *
 * <p>What it can prove, and the window it leaves:
 * <ul>
 *   <li>Editing, reordering or deleting any entry up to the last checkpoint is detected, even if the attacker
 *       recomputes every later hash and the head row: the recomputed chain no longer reaches the signed hash.</li>
 *   <li>Entries newer than the last checkpoint are protected against editing by the chain itself (an edited entry
 *       no longer matches its hash, and re-hashing it breaks the link from its successor), but against silent
 *       deletion of the newest entries only by the head row. Someone who can write the database can delete the
 *       newest entries and set the head row back, or rewrite the newest entry and re-hash it; the next checkpoint
 *       will not notice, because it signs whatever the head then says. The checkpoint schedule bounds this window.</li>
 *   <li>The chain has no key: entries appended by hand with correct hashes are indistinguishable from real ones.
 *       Checkpoints prove the past was not rewritten, not who wrote it.</li>
 * </ul>
 */
@Component
public class ChainCheck {

    /** Newest database checkpoints compared with the file: enough to look past a few forged rows. */
    private static final int CHECKPOINTS_COMPARED = 20;

    static final int PAGE_SIZE = 1000;

    private final AuditRows rows;
    private final CheckpointFile checkpointFile;
    private final CheckpointKeys keys;

    public ChainCheck(AuditRows rows, CheckpointFile checkpointFile, CheckpointKeys keys) {
        this.rows = rows;
        this.checkpointFile = checkpointFile;
        this.keys = keys;
    }

    public AuditVerification run() {
        var started = System.nanoTime();
        @Nullable AuditCheckpoint checkpoint = null;
        switch (checkpointFile.last()) {
            case CheckpointFile.LastCheckpoint.None none -> {
            }
            case CheckpointFile.LastCheckpoint.Unreadable unreadable -> {
                return new Broken(0, "the checkpoint file cannot be trusted: " + unreadable.why());
            }
            case CheckpointFile.LastCheckpoint.Found found -> {
                checkpoint = found.checkpoint();
                if (!keys.verifies(checkpoint)) {
                    return new Broken(checkpoint.seq(), "checkpoint signature invalid: the last checkpoint in the file,"
                            + " dated " + checkpoint.time() + " and covering entry " + checkpoint.seq()
                            + ", was not signed by this installation's key " + keys.keyId());
                }
            }
        }

        // The file is the witness outside the database, so deleting it or cutting it back must not pass for "no
        // checkpoint yet": the database keeps a copy of each line, and one signed here that the file no longer holds
        // gives the cut away. A row forged in the database carries no valid signature and is ignored.
        long fileSeq = checkpoint == null ? 0 : checkpoint.seq();
        for (AuditCheckpoint stored : rows.storedCheckpointsNewestFirst(CHECKPOINTS_COMPARED)) {
            if (stored.seq() <= fileSeq) {
                break;
            }
            if (keys.verifies(stored)) {
                return new Broken(0, "the checkpoint file was cut back or removed: the database keeps a checkpoint"
                        + " signed by this installation, dated " + stored.time() + " and covering entry "
                        + stored.seq() + ", that the file " + (checkpoint == null ? "no longer holds at all"
                        : "ends before (its last checkpoint covers entry " + fileSeq + ")"));
            }
        }

        // Entries committed after this read are someone else's concern: the head is the snapshot we check against.
        var head = rows.head();
        var expected = 1L;
        var chainHash = AuditChain.GENESIS_HASH;
        while (expected <= head.lastSeq()) {
            var page = rows.chainPage(expected - 1, head.lastSeq(), PAGE_SIZE);
            if (page.isEmpty()) {
                break;
            }
            for (var row : page) {
                if (row.seq() != expected) {
                    return missing(expected, row.seq());
                }
                if (!row.prevHash().equals(chainHash) || !row.computeHash().equals(row.hash())) {
                    return diagnose(row, chainHash, head.lastSeq());
                }
                if (checkpoint != null && row.seq() == checkpoint.seq() && !row.hash().equals(checkpoint.hash())) {
                    return new Broken(row.seq(), "entries up to " + row.seq()
                            + " do not match the signed checkpoint of " + checkpoint.time() + ": entry " + row.seq()
                            + " or one before it was rewritten and the chain recomputed");
                }
                chainHash = row.hash();
                expected++;
            }
        }
        var lastSeq = expected - 1;
        if (lastSeq < head.lastSeq()) {
            return new Broken(lastSeq + 1, "entries after " + lastSeq + " are missing: the head row records entry "
                    + head.lastSeq());
        }
        if (!chainHash.equals(head.lastHash())) {
            return new Broken(lastSeq, "the head row does not match entry " + lastSeq
                    + ": the newest entry or the head row was changed");
        }
        if (checkpoint != null && checkpoint.seq() > lastSeq) {
            return new Broken(lastSeq + 1, "entries after " + lastSeq + " are missing: the signed checkpoint of "
                    + checkpoint.time() + " covers " + checkpoint.seq());
        }
        var beyond = beyondHead();
        if (beyond != null) {
            return beyond;
        }
        return new Intact(lastSeq, lastSeq, Optional.ofNullable(checkpoint).map(AuditCheckpoint::seq),
                Duration.ofNanos(System.nanoTime() - started));
    }

    private static Broken missing(long expected, long found) {
        if (found - 1 > expected) {
            return new Broken(expected, "entries " + expected + " to " + (found - 1) + " are missing");
        }
        return new Broken(expected, expected == 1
                ? "entry 1 is missing: the trail starts at entry " + found
                : "entry " + expected + " is missing: the trail jumps from entry " + (expected - 1) + " to entry "
                        + found);
    }

    /**
     * Names the likeliest cause of a break. An entry that is consistent with its own stored predecessor hash but
     * not with the chain was chained to a different version of the entry before it; one whose contents hash
     * correctly at another position was moved; anything else was edited in place.
     */
    private Broken diagnose(AuditEntryRow row, String chainHash, long lastSeq) {
        var seq = row.seq();
        if (row.computeHash().equals(row.hash()) && seq > 1) {
            return new Broken(seq - 1, "entry " + (seq - 1) + " was rewritten: entry " + seq
                    + " was chained to a different version of it");
        }
        for (var original = 1L; original <= lastSeq; original++) {
            if (original != seq && row.computeHashAt(original).equals(row.hash())) {
                return new Broken(seq, "entry " + seq + " is out of order: it holds the entry written as number "
                        + original);
            }
        }
        return new Broken(seq, "entry " + seq + " was modified: its hash does not match its contents");
    }

    /** An entry the head does not count was added behind the trail's back (appends move both in one commit). */
    private @Nullable Broken beyondHead() {
        var maxSeq = rows.maxSeq();
        var head = rows.head();
        if (maxSeq > head.lastSeq()) {
            return new Broken(head.lastSeq() + 1, "entry " + (head.lastSeq() + 1)
                    + " is not recorded in the head row: it was added outside the audit trail");
        }
        return null;
    }
}
