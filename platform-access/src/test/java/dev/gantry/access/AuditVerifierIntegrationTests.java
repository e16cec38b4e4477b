package dev.gantry.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.access.AuditVerification.Broken;
import dev.gantry.access.AuditVerification.Intact;
import dev.gantry.access.internal.audit.AuditEntryRow;
import dev.gantry.domain.audit.AuditRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;

/** Verification and checkpoints, and every way of tampering with the trail they must catch. */
abstract class AuditVerifierIntegrationTests extends AuditIntegrationTestSupport {

    @Autowired
    AuditVerifier verifier;
    @Autowired
    AuditCheckpoints checkpoints;

    @Test
    void anEmptyTrailIsIntact() {
        assertThat(verifier.verify()).isInstanceOfSatisfying(Intact.class, intact -> {
            assertThat(intact.entries()).isZero();
            assertThat(intact.checkpointSeq()).isEmpty();
        });
    }

    @Test
    void anUntouchedTrailIsIntactAndTheCheckIsItselfRecorded() {
        append(30);
        checkpoints.checkpoint();
        append(5);

        var result = verifier.verify();

        assertThat(result).isInstanceOfSatisfying(Intact.class, intact -> {
            assertThat(intact.entries()).isEqualTo(36);
            assertThat(intact.lastSeq()).isEqualTo(36);
            assertThat(intact.checkpointSeq()).contains(30L);
        });
        var recorded = entry(37);
        assertThat(recorded.action()).isEqualTo("audit.verified");
        assertThat(recorded.outcome()).isEqualTo("SUCCESS");
        assertThat(recorded.details()).contains("\"entries\":\"36\"", "\"checkpointSeq\":\"30\"");
    }

    @Test
    void aTrailLongerThanAPageIsCheckedToTheEnd() {
        transactions.executeWithoutResult(status -> {
            for (var i = 0; i < 2_345; i++) {
                trail.record(AuditRecord.success("alice", "bulk.append", "item:" + i));
            }
        });

        assertThat(verifier.verify()).isInstanceOfSatisfying(Intact.class,
                intact -> assertThat(intact.lastSeq()).isEqualTo(2_345));
    }

    @Test
    void aCheckpointSignsTheNewestEntryAndIsKeptInTheDatabaseAndTheFile() throws Exception {
        append(12);
        var newest = entry(12);

        var checkpoint = checkpoints.checkpoint();

        assertThat(checkpoint.seq()).isEqualTo(12);
        assertThat(checkpoint.hash()).isEqualTo(newest.hash());
        assertThat(checkpoint.time()).isEqualTo(clock.instant());
        assertThat(jdbc.queryForObject("select signature from access_audit_checkpoint where seq = 12", String.class))
                .isEqualTo(checkpoint.signature());
        assertThat(Files.readAllLines(checkpointFile())).singleElement().asString()
                .contains("\"seq\":12", checkpoint.hash(), checkpoint.signature(), checkpoint.keyId());
        assertThat(entry(13)).satisfies(recorded -> {
            assertThat(recorded.action()).isEqualTo("audit.checkpoint");
            assertThat(recorded.details()).contains("\"seq\":\"12\"", checkpoint.keyId());
        });
    }

    @Test
    void aCheckpointIsNeverTakenInsideAnotherTransaction() {
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> checkpoints.checkpoint()))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void editingAMiddleEntryIsDetectedAtThatEntry() {
        append(50);

        setAction(25, "user.viewed");

        assertThat(verifier.verify()).isEqualTo(
                new Broken(25, "entry 25 was modified: its hash does not match its contents"));
    }

    @Test
    void editingTheNewestEntryIsDetected() {
        append(20);
        checkpoints.checkpoint();

        setAction(21, "audit.nothing-to-see");

        assertThat(verifier.verify()).isEqualTo(
                new Broken(21, "entry 21 was modified: its hash does not match its contents"));
    }

    @Test
    void rewritingTheNewestCheckpointedEntryAndRecomputingTheChainIsCaughtByTheCheckpoint() {
        append(40);
        var checkpoint = checkpoints.checkpoint();

        setAction(40, "user.viewed");
        rechainFrom(40);

        assertThat(verifier.verify()).isEqualTo(new Broken(40, "entries up to 40 do not match the signed checkpoint of "
                + checkpoint.time() + ": entry 40 or one before it was rewritten and the chain recomputed"));
    }

    @Test
    void rewritingAnEntryWithAFreshHashIsPinnedOnThatEntryByItsSuccessor() {
        append(30);

        setAction(20, "user.viewed");
        rehashOnly(20);

        assertThat(verifier.verify()).isEqualTo(
                new Broken(20, "entry 20 was rewritten: entry 21 was chained to a different version of it"));
    }

    @Test
    void deletingAMiddleEntryIsDetected() {
        append(30);

        jdbc.update("delete from access_audit_entry where seq = 17");

        assertThat(verifier.verify()).isEqualTo(
                new Broken(17, "entry 17 is missing: the trail jumps from entry 16 to entry 18"));
    }

    @Test
    void deletingTheNewestEntriesIsDetectedByTheHeadRow() {
        append(30);

        deleteNewest(3);

        assertThat(verifier.verify()).isEqualTo(
                new Broken(28, "entries after 27 are missing: the head row records entry 30"));
    }

    @Test
    void deletingCheckpointedEntriesAndResettingTheHeadAndTheDatabaseCheckpointsIsCaughtByTheFile() {
        append(30);
        var checkpoint = checkpoints.checkpoint();

        deleteNewest(3);
        resetHeadToNewestEntry();
        jdbc.update("delete from access_audit_checkpoint");

        assertThat(lastSeq()).isEqualTo(28);
        assertThat(verifier.verify()).isEqualTo(new Broken(29,
                "entries after 28 are missing: the signed checkpoint of " + checkpoint.time() + " covers 30"));
    }

    @Test
    void deletingOnlyEntriesNewerThanTheLastCheckpointAndResettingTheHeadGoesUnnoticed() {
        // The documented window: between checkpoints, the newest entries rest on the head row alone.
        append(30);
        checkpoints.checkpoint();
        append(5);

        deleteNewest(3);
        resetHeadToNewestEntry();

        assertThat(verifier.verify()).isInstanceOfSatisfying(Intact.class, intact -> {
            assertThat(intact.lastSeq()).isEqualTo(33);
            assertThat(intact.checkpointSeq()).isEqualTo(Optional.of(30L));
        });
    }

    @Test
    void swappingTwoEntriesIsReportedAsOutOfOrder() {
        append(30);

        swap(10, 20);

        assertThat(verifier.verify()).isEqualTo(
                new Broken(10, "entry 10 is out of order: it holds the entry written as number 20"));
    }

    @Test
    void anEntryAddedBehindTheTrailsBackIsDetected() {
        append(10);
        var newest = entry(10);
        var forged = new AuditEntryRow(11, newest.time(), "mallory", "user.granted", "user:mallory", "SUCCESS", "{}",
                newest.hash(), "");

        jdbc.update("""
                        insert into access_audit_entry (seq, occurred_at, actor, action, target, outcome, details,
                            prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                11L, OffsetDateTime.ofInstant(forged.time(), ZoneOffset.UTC), forged.actor(),
                forged.action(), forged.target(), forged.outcome(), forged.details(), forged.prevHash(),
                forged.computeHash());

        assertThat(verifier.verify()).isEqualTo(new Broken(11,
                "entry 11 is not recorded in the head row: it was added outside the audit trail"
                        + "; recording this verification in the trail failed as well"));
    }

    @Test
    void aForgedCheckpointLineIsRefused() throws Exception {
        append(10);
        var genuine = checkpoints.checkpoint();
        append(5);
        var forgedLine = Files.readAllLines(checkpointFile()).getFirst()
                .replace("\"seq\":10", "\"seq\":15")
                .replace(genuine.hash(), entry(15).hash());

        Files.writeString(checkpointFile(), forgedLine + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        assertThat(verifier.verify()).isInstanceOfSatisfying(Broken.class, broken -> {
            assertThat(broken.firstBrokenSeq()).isEqualTo(15);
            assertThat(broken.reason()).startsWith("checkpoint signature invalid");
        });
    }

    @Test
    void cuttingTheCheckpointFileBackIsDetectedAgainstTheDatabaseCopy() throws Exception {
        append(3);
        checkpoints.checkpoint();
        append(3);
        var newest = checkpoints.checkpoint();

        Files.write(checkpointFile(), Files.readAllLines(checkpointFile()).subList(0, 1));

        assertThat(verifier.verify()).isInstanceOfSatisfying(Broken.class, broken -> {
            assertThat(broken.firstBrokenSeq()).isZero();
            assertThat(broken.reason()).startsWith("the checkpoint file was cut back or removed")
                    .contains("covering entry " + newest.seq());
        });
    }

    @Test
    void removingTheCheckpointFileIsDetectedAgainstTheDatabaseCopy() throws Exception {
        append(3);
        checkpoints.checkpoint();

        Files.delete(checkpointFile());

        assertThat(verifier.verify()).isInstanceOfSatisfying(Broken.class,
                broken -> assertThat(broken.reason()).contains("no longer holds at all"));
    }

    @Test
    void aCheckpointRowForgedInTheDatabaseAloneDoesNotCondemnAnIntactTrail() {
        append(3);
        checkpoints.checkpoint();
        jdbc.update("insert into access_audit_checkpoint (seq, hash, created_at, key_id, signature)"
                + " values (99, 'ab', current_timestamp, 'someone-else', 'forged')");

        assertThat(verifier.verify()).isInstanceOf(Intact.class);
    }

    @Test
    void aTornCheckpointFileIsReportedRatherThanSkipped() throws Exception {
        append(3);
        checkpoints.checkpoint();

        Files.writeString(checkpointFile(), "{\"seq\":4,\"hash\":\"", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        assertThat(verifier.verify()).isEqualTo(
                new Broken(0, "the checkpoint file cannot be trusted: its last line is incomplete"));
    }

    @Test
    void aFailedVerificationIsRecordedWithItsReason() {
        append(5);
        setAction(3, "user.viewed");

        verifier.verify();

        var recorded = entry(6);
        assertThat(recorded.action()).isEqualTo("audit.verified");
        assertThat(recorded.outcome()).isEqualTo("FAILURE");
        assertThat(recorded.details()).contains("\"firstBrokenSeq\":\"3\"", "entry 3 was modified");
    }
}
