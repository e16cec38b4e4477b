package dev.gantry.bench;

import dev.gantry.domain.audit.AuditRecord;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** One benchmark thread's stream of records, numbered per thread so writers share no counter outside the database. */
@State(Scope.Thread)
public class Writer {

    private static final AtomicInteger writers = new AtomicInteger();

    private final String actor = "user-" + writers.incrementAndGet();
    private long n;

    AuditRecord next() {
        n++;
        return AuditRecord.success(actor, "service.deployed", "service:checkout-" + n,
                Map.of("environment", "PRODUCTION", "version", "1.4." + n));
    }
}
