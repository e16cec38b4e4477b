package dev.gantry.api.recovery;

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import dev.gantry.api.recovery.RecoveryJson.Scratch;
import dev.gantry.domain.NotFoundException;
import dev.gantry.recovery.EscrowedKey;
import dev.gantry.recovery.KeyEscrow;
import dev.gantry.recovery.RecoveryCompliance;
import dev.gantry.recovery.ServiceCompliance;
import dev.gantry.scheduling.RecoveryRuns;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Runs started now and how they stand, restores on demand, key escrow, and compliance per service. */
@RestController
@RequestMapping("/api/v1/recovery")
class RunsController {

    /**
     * A backup, drill or restore started now. Kept by the node that started it (in memory); what it produced
     * ({@code result}: the backup point, the drill report) is stored and readable on every node.
     */
    record RunResponse(UUID id, String kind, UUID subjectId, String subject, String state, String requestedBy,
                       Instant requestedAt, @Nullable Instant startedAt, @Nullable Instant finishedAt,
                       long bytesDone, long bytesTotal, @Nullable Instant deadline, @Nullable UUID resultId,
                       @Nullable String result, @Nullable String outcome) {

        static RunResponse of(RecoveryRuns.Run run) {
            String result = run.resultId() == null ? null : switch (run.kind()) {
                case BACKUP -> "/api/v1/recovery/points/" + run.resultId();
                case DRILL -> "/api/v1/recovery/drills/" + run.resultId();
                case RESTORE -> null;
            };
            return new RunResponse(run.id(), run.kind().name(), run.subjectId(), run.subject(), run.state().name(),
                    run.requestedBy(), run.requestedAt(), run.startedAt(), run.finishedAt(), run.bytesDone(),
                    run.bytesTotal(), run.deadline(), run.resultId(), result, run.outcome());
        }
    }

    record RestoreRequest(@Nullable Scratch target) {
    }

    record EscrowRequest(@Nullable String passphrase) {
    }

    /**
     * Shown once: Gantry keeps only the fingerprint. Keep the text and its passphrase apart. It covers the backups
     * written under {@code keyId}; those under earlier keys need the escrow exported while their key was current.
     */
    record EscrowResponse(String keyId, String signingKeyFingerprint, String fingerprint, String text) {
    }

    record ComplianceResponse(String serviceId, String serviceName, String status, String summary,
                              List<String> findings, List<UUID> backupPlanIds, List<UUID> drillPlanIds,
                              @Nullable Instant lastBackupAt, @Nullable Instant lastDrillAt,
                              @Nullable String lastDrillVerdict, @Nullable Instant lastPassingDrillAt,
                              @Nullable String drillEvery, @Nullable Instant nextDrillDueBy,
                              @Nullable String rpoObjective, @Nullable String rpoAchieved,
                              @Nullable String rtoObjective, @Nullable String rtoAchieved, String objectivesSource) {

        static ComplianceResponse of(ServiceCompliance c, Instant now) {
            return new ComplianceResponse(c.serviceId(), c.serviceName(), c.status().name(), c.drillSummary(now),
                    c.findings(), c.backupPlanIds(), c.drillPlanIds(), c.lastBackupAt(), c.lastDrillAt(),
                    c.lastDrillVerdict(), c.lastPassingDrillAt(),
                    c.drillEvery() == null ? null : c.drillEvery().toString(), c.nextDrillDueBy(),
                    RecoveryJson.text(c.rpoObjective()), RecoveryJson.text(c.rpoAchieved()),
                    RecoveryJson.text(c.rtoObjective()), RecoveryJson.text(c.rtoAchieved()), c.objectivesSource());
        }
    }

    private final RecoveryRuns runs;
    private final KeyEscrow escrow;
    private final RecoveryCompliance compliance;
    private final java.time.Clock clock;

    RunsController(RecoveryRuns runs, KeyEscrow escrow, RecoveryCompliance compliance, java.time.Clock clock) {
        this.runs = runs;
        this.escrow = escrow;
        this.compliance = compliance;
        this.clock = clock;
    }

    static ResponseEntity<RunResponse> accepted(RecoveryRuns.Run run) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/v1/recovery/runs/" + run.id()))
                .body(RunResponse.of(run));
    }

    @GetMapping("/runs/{id}")
    @PreAuthorize("hasAuthority('SCOPE_recovery:read')")
    RunResponse run(@PathVariable UUID id) {
        return RunResponse.of(runs.find(id).orElseThrow(() -> new NotFoundException("run " + id + " on this node "
                + "(runs are kept in memory by the node that started them; its point or drill report is stored)")));
    }

    /** Restores a backup into a new scratch target of the administrator's choice, in the background. */
    @PostMapping("/points/{id}/restores")
    @PreAuthorize("hasAuthority('SCOPE_recovery:write')")
    ResponseEntity<RunResponse> restore(@PathVariable UUID id, @RequestBody RestoreRequest request) {
        return accepted(runs.startRestore(id, RecoveryJson.required(request.target(), "target").toSpec()));
    }

    /** Exports the current backup key wrapped under the passphrase; the text is in this response only. */
    @PostMapping("/escrow")
    @PreAuthorize("hasAuthority('SCOPE_recovery:write')")
    ResponseEntity<EscrowResponse> exportEscrow(@RequestBody EscrowRequest request) {
        char[] passphrase = RecoveryJson.required(request.passphrase(), "passphrase").toCharArray();
        try {
            EscrowedKey escrowed = escrow.export(passphrase);
            return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Pragma", "no-cache")
                    .body(new EscrowResponse(escrowed.keyId(), escrowed.signingKeyFingerprint(),
                            escrowed.fingerprint(), escrowed.text()));
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    @GetMapping("/compliance")
    @PreAuthorize("hasAuthority('SCOPE_recovery:read')")
    List<ComplianceResponse> compliance() {
        var now = clock.instant();
        return compliance.services().stream().map(c -> ComplianceResponse.of(c, now)).toList();
    }

    @GetMapping("/compliance/{serviceId}")
    @PreAuthorize("hasAuthority('SCOPE_recovery:read')")
    ComplianceResponse compliance(@PathVariable String serviceId) {
        return ComplianceResponse.of(compliance.service(serviceId), clock.instant());
    }
}
