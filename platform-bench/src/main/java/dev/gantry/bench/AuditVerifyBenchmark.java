package dev.gantry.bench;

import dev.gantry.access.AuditCheckpoints;
import dev.gantry.access.AuditVerification;
import dev.gantry.access.AuditVerifier;
import dev.gantry.access.internal.audit.AuditChain;
import dev.gantry.access.internal.audit.AuditRows;
import dev.gantry.access.internal.audit.FlatJson;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Full verification of a trail of {@value #ENTRIES} entries with a checkpoint. Score: entries checked per second.
 * The fork's heap is capped at {@value #HEAP}: less than the application holds at rest plus what the whole trail
 * takes as Java objects (both printed at set-up), so finishing at all shows that verification holds one page at a
 * time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 15)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = AuditVerifyBenchmark.HEAP_OPTION)
public class AuditVerifyBenchmark {

    static final int ENTRIES = 100_000;
    static final String HEAP = "40 MiB";
    static final String HEAP_OPTION = "-Xmx40m";

    private BenchDatabase database;
    private AuditVerifier verifier;

    @Setup(Level.Trial)
    public void start() throws IOException {
        database = new BenchDatabase();
        writeTrail(database.bean(JdbcTemplate.class), database.bean(Clock.class));
        database.bean(AuditCheckpoints.class).checkpoint();
        verifier = database.bean(AuditVerifier.class);
        reportWholeTrailSize(database.bean(AuditRows.class));
    }

    /**
     * Rows exactly as the trail stores them, written in JDBC batches: appending them one by one through the trail
     * would take most of the benchmark's time budget and is measured by {@link AuditAppendBenchmark}.
     */
    private static void writeTrail(JdbcTemplate jdbc, Clock clock) {
        var previous = AuditChain.GENESIS_HASH;
        var time = AuditChain.storable(clock.instant());
        var batch = new ArrayList<Object[]>(1000);
        for (long seq = 1; seq <= ENTRIES; seq++) {
            var actor = "user-" + (seq % 50);
            var target = "service:checkout-" + seq;
            var details = FlatJson.write(new TreeMap<>(Map.of("environment", "PRODUCTION", "version", "1.4." + seq)));
            var hash = AuditChain.hash(previous, seq, time, actor, "service.deployed", target, "SUCCESS", details);
            batch.add(new Object[] {seq, OffsetDateTime.ofInstant(time, ZoneOffset.UTC), actor, "service.deployed",
                    target, "SUCCESS", details, previous, hash});
            previous = hash;
            if (batch.size() == 1000) {
                jdbc.batchUpdate("""
                        insert into access_audit_entry
                            (seq, occurred_at, actor, action, target, outcome, details, prev_hash, hash)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", batch);
                batch.clear();
            }
        }
        jdbc.update("update access_audit_head set last_seq = ?, last_hash = ? where id = 1", ENTRIES, previous);
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        database.close();
    }

    @Benchmark
    @OperationsPerInvocation(ENTRIES)
    public AuditVerification verifyWholeTrail() {
        var result = verifier.verify();
        if (!(result instanceof AuditVerification.Intact)) {
            throw new IllegalStateException("the benchmark trail should verify: " + result);
        }
        return result;
    }

    /**
     * What reading every entry at once would hold on the heap, for comparison with the cap: a tenth of the trail is
     * read and measured, since the whole of it does not fit.
     */
    private static void reportWholeTrailSize(AuditRows rows) {
        var memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        var before = memory.getHeapMemoryUsage().getUsed();
        var tenth = rows.chainPage(0, ENTRIES / 10, Integer.MAX_VALUE);
        System.gc();
        var held = memory.getHeapMemoryUsage().getUsed() - before;
        System.out.printf("%n[audit] heap in use at rest: %,d MiB; %,d entries as Java objects: %,d KiB, so all %,d"
                        + " would add about %,d MiB; heap cap %s%n", before / (1024 * 1024), tenth.size(),
                held / 1024, ENTRIES, held * 10 / (1024 * 1024), HEAP);
    }
}
