package dev.gantry.api.secrets;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.gantry.domain.ConflictException;
import dev.gantry.domain.InvalidInputException;
import dev.gantry.secrets.AllowedFinding;
import dev.gantry.secrets.RepositoryScan;
import dev.gantry.secrets.ScanFinding;
import dev.gantry.secrets.ScanRun;
import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Repository scans (ADR 8) for secrets committed to a git history on this node's disk. A scan runs in the
 * background: the answer is 202 with the Location to poll. Findings carry a redacted preview only; one whose value
 * is managed by the vault names its path and links to rotating it now.
 */
@RestController
@RequestMapping("/api/v1/secrets/scans")
class RepositoryScansController {

    record ScanRequest(@Nullable String repository) {
    }

    /**
     * A scan as asked for: {@code id} is what it is polled by (the submission's, or the run's for a stored run),
     * {@code state} QUEUED, RUNNING, COMPLETED or FAILED, {@code run} the stored run once it exists.
     */
    record ScanDocument(UUID id, String state, String repository, @Nullable UUID runId, @Nullable ScanRun run,
            @Nullable String error) {
    }

    /** {@code rotateNow} is the endpoint that rotates the managed secret this value belongs to, if any. */
    record FindingDocument(UUID id, String fingerprint, String rule, String commit, String file, int line,
            String preview, @Nullable String managedPath, @Nullable String rotateNow, String author,
            Instant committedAt) {
    }

    record AllowRequest(@Nullable String fingerprint, @Nullable String reason) {
    }

    private final RepositoryScan scans;
    private final ScanSubmissions submissions;

    RepositoryScansController(RepositoryScan scans, ScanSubmissions submissions) {
        this.scans = scans;
        this.submissions = submissions;
    }

    @PostMapping
    @PreAuthorize(SecretsAccess.SCAN_ADMIN)
    @Operation(summary = "Scan a git repository on this node's disk, in the background",
            description = "Body {\"repository\": \"/srv/git/payments.git\"}. Answers 202 with Location "
                    + "/api/v1/secrets/scans/{id} to poll; 400 (field repository) when the path does not lead to a "
                    + "directory inside gantry.secrets.scan.allowed-roots (after .. and symbolic links), or none is "
                    + "configured; 409 (field repository) when too many scans are queued. "
                    + "Needs the vault unsealed, to recognise its own values.")
    ResponseEntity<ScanDocument> submit(@RequestBody ScanRequest request) {
        String repository = request.repository();
        if (repository == null || repository.isBlank()) {
            throw new InvalidInputException("repository", "the path of a git repository on this node");
        }
        if (repository.length() > 1000 || repository.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("repository", "at most 1000 characters, no control characters");
        }
        ScanSubmissions.Submission submission = submissions.submit(repository.strip());
        return ResponseEntity.accepted().location(URI.create("/api/v1/secrets/scans/" + submission.id()))
                .body(document(submission));
    }

    @GetMapping
    @PreAuthorize(SecretsAccess.PEOPLE_READ)
    @Operation(summary = "The latest stored scan runs, newest first (SECRETS_ADMIN, AUDITOR)")
    List<ScanRun> runs(@RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 500) {
            throw new InvalidInputException("limit", "1 to 500");
        }
        return scans.runs(limit);
    }

    @GetMapping("/{id}")
    @PreAuthorize(SecretsAccess.PEOPLE_READ)
    @Operation(summary = "One scan, by the id of its submission or of its stored run")
    ScanDocument scan(@PathVariable UUID id) {
        var submission = submissions.find(id);
        if (submission.isPresent()) {
            // The roles check happens in the vault for a stored run; a pending one is checked here the same way.
            if (submission.get().runId() == null) {
                scans.runs(1);
                return document(submission.get());
            }
            ScanRun run = scans.run(submission.get().runId());
            return new ScanDocument(id, run.outcome().name(), run.repository(), run.id(), run, run.error());
        }
        ScanRun run = scans.run(id);
        return new ScanDocument(id, run.outcome().name(), run.repository(), run.id(), run, run.error());
    }

    @GetMapping("/{id}/findings")
    @PreAuthorize(SecretsAccess.PEOPLE_READ)
    @Operation(summary = "What a scan found, oldest commit first; 409 (field id) while it is still running")
    List<FindingDocument> findings(@PathVariable UUID id) {
        UUID runId = id;
        var submission = submissions.find(id);
        if (submission.isPresent()) {
            if (submission.get().runId() == null) {
                scans.runs(1);
                throw new ConflictException("id", "the scan is " + submission.get().state().name().toLowerCase(java.util.Locale.ROOT)
                        + "; its findings are listed once it completes");
            }
            runId = submission.get().runId();
        }
        scans.run(runId);
        return scans.findings(runId).stream().map(RepositoryScansController::finding).toList();
    }

    @GetMapping("/allowed")
    @PreAuthorize(SecretsAccess.PEOPLE_READ)
    @Operation(summary = "Findings allowed on purpose, which later scans do not report")
    List<AllowedFinding> allowList() {
        return scans.allowList();
    }

    @PostMapping("/allowed")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(SecretsAccess.SCAN_ADMIN)
    @Operation(summary = "Stop reporting a finding",
            description = "Body {\"fingerprint\": \"<64 hex>\", \"reason\": \"test fixture\"}.")
    AllowedFinding allow(@RequestBody AllowRequest request) {
        if (request.fingerprint() == null) {
            throw new InvalidInputException("fingerprint", "the finding's fingerprint, 64 hex digits");
        }
        return scans.allow(request.fingerprint(), request.reason() == null ? "" : request.reason());
    }

    @DeleteMapping("/allowed/{fingerprint}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(SecretsAccess.SCAN_ADMIN)
    @Operation(summary = "Report a finding again from the next scan on")
    void disallow(@PathVariable String fingerprint) {
        scans.disallow(fingerprint);
    }

    private static ScanDocument document(ScanSubmissions.Submission submission) {
        return new ScanDocument(submission.id(), submission.state().name(), submission.repository(),
                submission.runId(), null, submission.error());
    }

    private static FindingDocument finding(ScanFinding finding) {
        String managed = finding.managedPath();
        return new FindingDocument(finding.id(), finding.fingerprint(), finding.rule(), finding.commit(),
                finding.file(), finding.line(), finding.preview(), managed,
                managed == null ? null : "/api/v1/secrets/rotate/" + managed, finding.author(),
                finding.committedAt());
    }
}
