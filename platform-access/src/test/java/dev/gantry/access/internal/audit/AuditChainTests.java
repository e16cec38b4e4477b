package dev.gantry.access.internal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class AuditChainTests {

    private static final Instant TIME = Instant.parse("2026-11-22T12:00:00.123456Z");
    private static final String PREVIOUS = AuditChain.GENESIS_HASH;

    @Test
    void theHashIsAFunctionOfTheContents() {
        assertThat(hash(PREVIOUS, 1, TIME, "alice", "user.created", "user:bob", "SUCCESS", "{}"))
                .isEqualTo(hash(PREVIOUS, 1, TIME, "alice", "user.created", "user:bob", "SUCCESS", "{}"))
                .hasSize(64)
                .matches("[0-9a-f]{64}");
    }

    @Test
    void changingAnyFieldChangesTheHash() {
        var other = "1".repeat(64);
        var hashes = new HashSet<String>();
        hashes.add(hash(PREVIOUS, 1, TIME, "alice", "user.created", "user:bob", "SUCCESS", "{}"));
        hashes.add(hash(other, 1, TIME, "alice", "user.created", "user:bob", "SUCCESS", "{}"));
        hashes.add(hash(PREVIOUS, 2, TIME, "alice", "user.created", "user:bob", "SUCCESS", "{}"));
        hashes.add(hash(PREVIOUS, 1, TIME.plusNanos(1000), "alice", "user.created", "user:bob", "SUCCESS", "{}"));
        hashes.add(hash(PREVIOUS, 1, TIME, "alicE", "user.created", "user:bob", "SUCCESS", "{}"));
        hashes.add(hash(PREVIOUS, 1, TIME, "alice", "user.deleted", "user:bob", "SUCCESS", "{}"));
        hashes.add(hash(PREVIOUS, 1, TIME, "alice", "user.created", "user:eve", "SUCCESS", "{}"));
        hashes.add(hash(PREVIOUS, 1, TIME, "alice", "user.created", "user:bob", "DENIED", "{}"));
        hashes.add(hash(PREVIOUS, 1, TIME, "alice", "user.created", "user:bob", "SUCCESS", "{\"a\":\"1\"}"));

        assertThat(hashes).hasSize(9);
    }

    @Test
    void movingTextBetweenFieldsChangesTheHash() {
        assertThat(hash(PREVIOUS, 1, TIME, "ab", "c", "t", "SUCCESS", "{}"))
                .isNotEqualTo(hash(PREVIOUS, 1, TIME, "a", "bc", "t", "SUCCESS", "{}"));
    }

    @Test
    void storedTimesKeepMicrosecondsOnly() {
        var precise = Instant.parse("2026-11-22T12:00:00.123456789Z");

        assertThat(AuditChain.storable(precise)).isEqualTo(Instant.parse("2026-11-22T12:00:00.123456Z"));
        assertThat(AuditChain.format(Instant.parse("2026-11-22T12:00:00Z"))).isEqualTo("2026-11-22T12:00:00.000000Z");
    }

    private static String hash(String previous, long seq, Instant time, String actor, String action, String target,
                               String outcome, String details) {
        return AuditChain.hash(previous, seq, time, actor, action, target, outcome, details);
    }
}
