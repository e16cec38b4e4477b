package dev.gantry.bench;

import dev.gantry.domain.audit.AuditTrail;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Audit appends, one entry per transaction as a feature service makes them, by one and by four writers, against
 * the baseline of plain rows of the same shape inserted in JDBC batches of 100 per commit into a plain table of the
 * same database. Scores are rows per second.
 *
 * <p>Warm-up is long on purpose: on two shared cores the JIT takes some 20 s to settle, and 10 s warm-ups measured
 * a third of the later rate.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 15)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class AuditAppendBenchmark extends DatabaseBenchmark {

    private AuditTrail trail;

    @Override
    protected void started() {
        trail = database.bean(AuditTrail.class);
    }

    @Benchmark
    @Threads(1)
    public void auditAppendOneWriter(Writer writer) {
        transactions.executeWithoutResult(status -> trail.record(writer.next()));
    }

    @Benchmark
    @Threads(4)
    public void auditAppendFourWriters(Writer writer) {
        transactions.executeWithoutResult(status -> trail.record(writer.next()));
    }

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(100)
    public void plainInsertBatchOf100PerCommit(Writer writer) {
        var batch = new ArrayList<Object[]>(100);
        for (var i = 0; i < 100; i++) {
            batch.add(plain.row(writer.next()));
        }
        transactions.executeWithoutResult(status -> jdbc.batchUpdate(PlainRows.INSERT, batch));
    }
}
