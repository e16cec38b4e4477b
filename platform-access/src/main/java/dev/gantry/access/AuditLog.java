package dev.gantry.access;

import dev.gantry.access.internal.audit.AuditEntryRow;
import dev.gantry.access.internal.audit.AuditRows;
import dev.gantry.access.internal.audit.Details;
import dev.gantry.domain.audit.AuditOutcome;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Reads the audit trail for the viewer, newest entry first. Only administrators and auditors may read it. */
@Service
@PreAuthorize("hasAnyRole('ADMIN','AUDITOR')")
public class AuditLog {

    static final int MAX_RECENT = 1000;

    private final AuditRows rows;

    public AuditLog(AuditRows rows) {
        this.rows = rows;
    }

    /** Newest first whatever sort the pageable asks for: sequence order is the order of record. */
    public Page<AuditEntryView> find(AuditQuery query, Pageable pageable) {
        if (pageable.isUnpaged()) {
            throw new IllegalArgumentException("the audit log is read a page at a time; use AuditExport for all of it");
        }
        var content = rows.newestFirst(query, pageable.getOffset(), pageable.getPageSize()).stream()
                .map(AuditLog::view)
                .toList();
        return PageableExecutionUtils.getPage(content, pageable, () -> rows.count(query));
    }

    public long count(AuditQuery query) {
        return rows.count(query);
    }

    /** The newest {@code n} entries, at most {@value #MAX_RECENT}. */
    public List<AuditEntryView> recent(int n) {
        if (n <= 0) {
            return List.of();
        }
        return rows.newestFirst(AuditQuery.all(), 0, Math.min(n, MAX_RECENT)).stream().map(AuditLog::view).toList();
    }

    static AuditEntryView view(AuditEntryRow row) {
        return new AuditEntryView(row.seq(), row.time(), row.actor(), row.action(), row.target(),
                AuditOutcome.valueOf(row.outcome()), Details.read(row.details()));
    }
}
