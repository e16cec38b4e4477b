package dev.gantry.bench;

import java.io.IOException;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** One fresh Gantry database per trial, with the plain-row baseline table beside the audit trail. */
@State(Scope.Benchmark)
public abstract class DatabaseBenchmark {

    protected BenchDatabase database;
    protected JdbcTemplate jdbc;
    protected TransactionTemplate transactions;
    protected PlainRows plain;

    @Setup(Level.Trial)
    public void startDatabase() throws IOException {
        database = new BenchDatabase();
        jdbc = database.bean(JdbcTemplate.class);
        transactions = new TransactionTemplate(database.bean(PlatformTransactionManager.class));
        plain = new PlainRows(jdbc);
        started();
    }

    /** Called once the database is up; JMH does not order set-up methods across a class hierarchy. */
    protected void started() {
    }

    @TearDown(Level.Trial)
    public void stopDatabase() throws IOException {
        database.close();
    }
}
