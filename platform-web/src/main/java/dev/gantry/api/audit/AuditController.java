package dev.gantry.api.audit;

import java.io.IOException;
import java.time.Instant;

import dev.gantry.access.AuditEntryView;
import dev.gantry.access.AuditExport;
import dev.gantry.access.AuditLog;
import dev.gantry.access.AuditQuery;
import dev.gantry.access.AuditVerification;
import dev.gantry.access.AuditVerifier;
import dev.gantry.api.PageResponse;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail for auditors' scripts: query, verify, export. */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

    /** {@code intact} with counts, or the first broken entry and why. */
    record VerificationResult(boolean intact, Long entries, Long lastSeq, Long checkpointSeq, Long firstBrokenSeq,
                              String reason, Long tookMillis) {

        static VerificationResult of(AuditVerification verification) {
            return switch (verification) {
                case AuditVerification.Intact i -> new VerificationResult(true, i.entries(), i.lastSeq(),
                        i.checkpointSeq().orElse(null), null, null, i.took().toMillis());
                case AuditVerification.Broken b -> new VerificationResult(false, null, null, null,
                        b.firstBrokenSeq(), b.reason(), null);
            };
        }
    }

    private final AuditLog log;
    private final AuditVerifier verifier;
    private final AuditExport export;

    AuditController(AuditLog log, AuditVerifier verifier, AuditExport export) {
        this.log = log;
        this.verifier = verifier;
        this.export = export;
    }

    @GetMapping("/entries")
    @PreAuthorize("hasAuthority('SCOPE_audit:read')")
    PageResponse<AuditEntryView> entries(@RequestParam(required = false) String actor,
                      @RequestParam(required = false) String action,
                      @RequestParam(required = false) String target,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        return PageResponse.of(log.find(query(actor, action, target, from, to),
                PageResponse.request(page, size, Sort.unsorted())));
    }

    @PostMapping("/verify")
    @PreAuthorize("hasAuthority('SCOPE_audit:verify')")
    VerificationResult verify() {
        return VerificationResult.of(verifier.verify());
    }

    @GetMapping("/export")
    @PreAuthorize("hasAuthority('SCOPE_audit:read')")
    void export(@RequestParam(defaultValue = "csv") String format, @RequestParam(required = false) String actor,
                @RequestParam(required = false) String action, @RequestParam(required = false) String target,
                HttpServletResponse response) throws IOException {
        boolean json = "json".equalsIgnoreCase(format);
        response.setContentType(json ? MediaType.APPLICATION_JSON_VALUE : "text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=gantry-audit." + (json ? "json" : "csv"));
        export.export(query(actor, action, target, null, null), json ? AuditExport.Format.JSON : AuditExport.Format.CSV,
                response.getOutputStream());
    }

    private static AuditQuery query(String actor, String action, String target, Instant from, Instant to) {
        return AuditQuery.all().withActor(actor).withActionPrefix(action).withTargetContaining(target).between(from, to);
    }
}
