package dev.gantry.access.testing;

import dev.gantry.domain.audit.AuditRecord;
import dev.gantry.domain.audit.AuditTrail;
import dev.gantry.domain.audit.Audited;
import dev.gantry.domain.audit.AuditedChange;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An audit trail for tests that behaves like the real one where it matters: it refuses to record outside a
 * transaction, keeps a record only if that transaction commits, and can be told to fail so a test sees the change
 * roll back with it.
 */
public final class RecordingAuditTrail implements AuditTrail {

    private final List<AuditRecord> committed = new CopyOnWriteArrayList<>();
    private final AtomicBoolean failing = new AtomicBoolean();
    private final @Nullable TransactionTemplate transactions;

    /** A trail for code that only records in its own transactions. */
    public RecordingAuditTrail() {
        this.transactions = null;
    }

    /** A trail that can also {@linkplain #commitAudited commit changes}, each in a transaction of its own. */
    public RecordingAuditTrail(PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
    }

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

    /**
     * Like the real one, one change at a time: refused inside a transaction; a change that throws or is refused is
     * rolled back, a refusal's entries are kept, and a failing trail fails the change.
     */
    @Override
    public <T> T commitAudited(AuditedChange<T> change) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a change to commit on its own inside a transaction");
        }
        if (transactions == null) {
            throw new IllegalStateException("this test's audit trail was made without a transaction manager");
        }
        Audited<T> audited = transactions.execute(status -> {
            Audited<T> made = change.apply();
            if (made.refusal() != null) {
                status.setRollbackOnly();
            } else {
                made.entries().forEach(this::record);
            }
            return made;
        });
        if (audited.refusal() != null) {
            if (failing.get()) {
                throw new IllegalStateException("audit trail unavailable (test)");
            }
            committed.addAll(audited.entries());
        }
        return audited.valueOrThrow();
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
