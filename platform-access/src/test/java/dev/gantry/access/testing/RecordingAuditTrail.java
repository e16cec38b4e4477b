package dev.gantry.access.testing;

import dev.gantry.domain.audit.AuditRecord;
import dev.gantry.domain.audit.AuditTrail;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * An audit trail for tests that behaves like the real one where it matters: it refuses to record outside a
 * transaction, keeps a record only if that transaction commits, and can be told to fail so a test sees the change
 * roll back with it.
 */
public final class RecordingAuditTrail implements AuditTrail {

    private final List<AuditRecord> committed = new CopyOnWriteArrayList<>();
    private final AtomicBoolean failing = new AtomicBoolean();

    @Override
    public void record(AuditRecord record) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("audit record outside a transaction: " + record.action());
        }
        if (failing.get()) {
            throw new IllegalStateException("audit trail unavailable (test)");
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                committed.add(record);
            }
        });
    }

    /** Like the real one: refused inside a transaction, stored at once (its own commit) unless failing. */
    @Override
    public void recordCommitted(AuditRecord record) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("audit record to commit on its own inside a transaction: "
                    + record.action());
        }
        if (failing.get()) {
            throw new IllegalStateException("audit trail unavailable (test)");
        }
        committed.add(record);
    }

    /** Committed records, oldest first. */
    public List<AuditRecord> records() {
        return List.copyOf(committed);
    }

    public List<AuditRecord> recordsFor(String target) {
        return committed.stream().filter(r -> r.target().equals(target)).toList();
    }

    public void clear() {
        committed.clear();
    }

    public void failFromNowOn(boolean fail) {
        failing.set(fail);
    }
}
