package dev.gantry.recovery.internal;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The module's configuration properties, read once. */
@Component
public class RecoverySettings {

    private final Path keyDirectory;
    private final Path workDirectory;
    private final String postgresBin;
    private final Duration lease;
    private final boolean verifyAfterWrite;

    RecoverySettings(@Value("${gantry.recovery.key-dir:${gantry.data-dir:./data}/keys/recovery}") String keyDirectory,
            @Value("${gantry.recovery.work-dir:${gantry.data-dir:./data}/recovery-work}") String workDirectory,
            @Value("${gantry.recovery.postgres-bin:}") String postgresBin,
            @Value("${gantry.recovery.backup.lease:PT10M}") Duration lease,
            @Value("${gantry.recovery.backup.verify-after-write:true}") boolean verifyAfterWrite) {
        if (lease.compareTo(Duration.ofSeconds(5)) < 0) {
            throw new IllegalArgumentException("gantry.recovery.backup.lease must be at least PT5S");
        }
        this.keyDirectory = Path.of(keyDirectory).toAbsolutePath();
        this.workDirectory = Path.of(workDirectory).toAbsolutePath();
        this.postgresBin = postgresBin;
        this.lease = lease;
        this.verifyAfterWrite = verifyAfterWrite;
    }

    public Path keyDirectory() {
        return keyDirectory;
    }

    public Path workDirectory() {
        return workDirectory;
    }

    public String postgresBin() {
        return postgresBin;
    }

    /** A RUNNING point whose heartbeat is older than this belongs to a process that died. */
    public Duration lease() {
        return lease;
    }

    /** Heartbeats come often enough that a live backup never looks dead. */
    public Duration heartbeatEvery() {
        return lease.dividedBy(5);
    }

    public boolean verifyAfterWrite() {
        return verifyAfterWrite;
    }
}
