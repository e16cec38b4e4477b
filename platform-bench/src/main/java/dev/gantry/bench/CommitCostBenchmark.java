package dev.gantry.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One plain row per transaction: the cost of a commit alone, to tell how much of an audit append's cost is the
 * commit and how much the chain, the head lock and the indexes. Not part of the "Audit" run, to keep that short.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 15)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class CommitCostBenchmark extends DatabaseBenchmark {

    @Benchmark
    @Threads(1)
    public void plainInsertOneRowPerCommit(Writer writer) {
        var row = plain.row(writer.next());
        transactions.executeWithoutResult(status -> jdbc.update(PlainRows.INSERT, row));
    }
}
