package dev.gantry.secrets;

import dev.gantry.domain.ConflictException;
import dev.gantry.domain.InvalidInputException;
import dev.gantry.domain.NotFoundException;
import dev.gantry.domain.audit.AuditOutcome;
import dev.gantry.domain.audit.AuditRecord;
import dev.gantry.domain.audit.AuditTrail;
import dev.gantry.secrets.internal.Actors;
import dev.gantry.secrets.internal.crypto.EnvelopeCipher;
import dev.gantry.secrets.internal.crypto.RootKeyring;
import dev.gantry.secrets.internal.scan.AllowedFindingEntity;
import dev.gantry.secrets.internal.scan.AllowedFindings;
import dev.gantry.secrets.internal.scan.GitHistoryScanner;
import dev.gantry.secrets.internal.scan.ManagedValueIndex;
import dev.gantry.secrets.internal.scan.ScanFindingEntity;
import dev.gantry.secrets.internal.scan.ScanFindings;
import dev.gantry.secrets.internal.scan.ScanRoots;
import dev.gantry.secrets.internal.scan.ScanRunEntity;
import dev.gantry.secrets.internal.scan.ScanRuns;
import dev.gantry.secrets.internal.seal.SealState;
import dev.gantry.secrets.internal.store.SecretEntity;
import dev.gantry.secrets.internal.store.SecretVersionEntity;
import dev.gantry.secrets.internal.store.SecretVersions;
import dev.gantry.secrets.internal.store.StageLabels;
import dev.gantry.secrets.internal.store.Secrets;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scans a local git repository's whole history for leaked secrets, like gitleaks: token formats, private keys,
 * secret-looking assignments and high-entropy strings, on the lines each commit added. Beyond that it recognises the
 * values this vault manages, by keyed fingerprint computed inside the vault, and names the path to rotate.
 *
 * <p>A scan reads the repository for as long as it takes, outside any transaction; its run is recorded when it
 * starts and its findings when it ends, each step audited. Call {@link #scan} from a background executor.
 */
@Service
public class RepositoryScan {

    public static final int MAX_STORED_FINDINGS = 10_000;
    public static final int MAX_REASON = 500;
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{64}");
    private static final String TARGET = "secrets:repository-scan";

    private final ScanRuns runs;
    private final ScanFindings findings;
    private final AllowedFindings allowed;
    private final Secrets secrets;
    private final SecretVersions versions;
    private final StageLabels stages;
    private final SealState state;
    private final EnvelopeCipher cipher;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final ScanRoots roots;
    private final long maxBlobBytes;
    private final SecureRandom random = new SecureRandom();

    RepositoryScan(ScanRuns runs, ScanFindings findings, AllowedFindings allowed, Secrets secrets,
            SecretVersions versions, StageLabels stages, SealState state, EnvelopeCipher cipher, AuditTrail audit, Clock clock,
            PlatformTransactionManager transactionManager, ScanRoots roots,
            @Value("${gantry.secrets.scan.max-blob-bytes:1048576}") long maxBlobBytes) {
        if (maxBlobBytes < 1 || maxBlobBytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("gantry.secrets.scan.max-blob-bytes must be 1 to " + Integer.MAX_VALUE);
        }
        this.runs = runs;
        this.findings = findings;
        this.allowed = allowed;
        this.secrets = secrets;
        this.versions = versions;
        this.stages = stages;
        this.state = state;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.roots = roots;
        this.maxBlobBytes = maxBlobBytes;
    }

    /**
     * Scans every commit reachable from any ref of the repository at {@code repository} (a working tree or a bare
     * repository on this node's disk) and records the findings that are not allowed. Needs the vault unsealed, to
     * fingerprint the managed values.
     *
     * @throws InvalidInputException (field {@code repository}) if there is no git repository there, or the path is
     *                               outside {@code gantry.secrets.scan.allowed-roots} (see {@link #admit})
     */
    @PreAuthorize("hasRole('SECRETS_ADMIN')")
    public ScanRun scan(Path repository) {
        Path directory = admit(repository);
        String label = directory.toString();
        String actor = actor();
        ManagedValueIndex index = transactions.execute(status -> managedValues());
        try {
            UUID id = UUID.randomUUID();
            Set<String> allowList = transactions.execute(status -> {
                runs.save(new ScanRunEntity(id, label, clock.instant(), actor));
                audit.record(AuditRecord.success(actor, "secrets.repo-scan.started", TARGET, Map.of(
                        "run", id.toString(), "repository", label,
                        "managedFingerprints", Integer.toString(index.size()))));
                return allowed.findAll().stream().map(AllowedFindingEntity::fingerprint).collect(Collectors.toSet());
            });
            Map<String, GitHistoryScanner.Found> found = new LinkedHashMap<>();
            // [0] allowed, [1] found beyond what is stored
            int[] counts = {0, 0};
            GitHistoryScanner.Totals totals;
            try {
                totals = new GitHistoryScanner(maxBlobBytes, index).scan(directory, finding -> {
                    if (allowList.contains(finding.fingerprint())) {
                        counts[0]++;
                    } else if (found.size() < MAX_STORED_FINDINGS) {
                        found.putIfAbsent(finding.fingerprint(), finding);
                    } else if (!found.containsKey(finding.fingerprint())) {
                        counts[1]++;
                    }
                });
            } catch (IllegalArgumentException | UncheckedIOException e) {
                String reason = e instanceof IllegalArgumentException ? e.getMessage()
                        : "the repository could not be read: " + e.getCause().getClass().getSimpleName();
                failed(id, actor, reason);
                throw new InvalidInputException("repository", reason);
            } catch (RuntimeException e) {
                failed(id, actor, "the scan failed: " + e.getClass().getSimpleName());
                throw e;
            }
            return transactions.execute(status -> completed(id, actor, totals, found, counts[1], counts[0]));
        } finally {
            index.close();
        }
    }

    /**
     * Checks a path before a scan is queued, as {@link #scan} checks it again when it starts: it must lead, once
     * {@code ..} and symbolic links are resolved, to a directory inside one of the allowed roots
     * ({@code gantry.secrets.scan.allowed-roots}); with none configured, scans are off. A refusal is audited.
     *
     * @return the resolved directory, which is what a scan reads
     * @throws InvalidInputException (field {@code repository}) saying what was wrong, and which setting to change
     */
    @PreAuthorize("hasRole('SECRETS_ADMIN')")
    public Path admit(Path repository) {
        String requested = repository.toString();
        if (requested.length() > 1000) {
            throw new InvalidInputException("repository", "a path of at most 1000 characters");
        }
        try {
            return roots.admit(repository);
        } catch (InvalidInputException refused) {
            String actor = actor();
            transactions.executeWithoutResult(status -> audit.record(new AuditRecord(actor,
                    "secrets.repo-scan.refused", TARGET, AuditOutcome.FAILURE,
                    Map.of("repository", requested, "reason", refused.getMessage()))));
            throw refused;
        }
    }

    /** The latest runs, newest first. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('SECRETS_ADMIN', 'AUDITOR')")
    public List<ScanRun> runs(int limit) {
        return runs.findAllByOrderByStartedAtDesc(PageRequest.of(0, Math.clamp(limit, 1, 500))).stream()
                .map(RepositoryScan::view).toList();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('SECRETS_ADMIN', 'AUDITOR')")
    public ScanRun run(UUID id) {
        return runs.findById(id).map(RepositoryScan::view).orElseThrow(() -> new NotFoundException("scan " + id));
    }

    /** What the run found, oldest commit first. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('SECRETS_ADMIN', 'AUDITOR')")
    public List<ScanFinding> findings(UUID runId) {
        return findings.findByRunIdOrderByCommittedAtAscFilePathAscLineAsc(runId).stream()
                .map(RepositoryScan::view).toList();
    }

    /**
     * Stops reporting the finding with {@code fingerprint} in later scans.
     *
     * @throws InvalidInputException (field {@code fingerprint} or {@code reason}) for a malformed fingerprint or a
     *                               missing reason
     * @throws ConflictException     (field {@code fingerprint}) if it is already allowed
     */
    @Transactional
    @PreAuthorize("hasRole('SECRETS_ADMIN')")
    public AllowedFinding allow(String fingerprint, String reason) {
        String normalised = fingerprint.strip().toLowerCase(java.util.Locale.ROOT);
        if (!FINGERPRINT.matcher(normalised).matches()) {
            throw new InvalidInputException("fingerprint", "a finding fingerprint is 64 hex digits");
        }
        String trimmed = reason.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_REASON || trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("reason", "say why, in 1 to " + MAX_REASON
                    + " characters without control characters");
        }
        if (allowed.existsById(normalised)) {
            throw new ConflictException("fingerprint", "this finding is already allowed");
        }
        AllowedFindingEntity saved = allowed.save(new AllowedFindingEntity(normalised, trimmed, clock.instant(),
                actor()));
        audit.record(AuditRecord.success(actor(), "secrets.repo-scan.finding-allowed", TARGET,
                Map.of("fingerprint", normalised, "reason", trimmed)));
        return view(saved);
    }

    /** Reports the finding again from the next scan on. */
    @Transactional
    @PreAuthorize("hasRole('SECRETS_ADMIN')")
    public void disallow(String fingerprint) {
        String normalised = fingerprint.strip().toLowerCase(java.util.Locale.ROOT);
        AllowedFindingEntity existing = allowed.findById(normalised)
                .orElseThrow(() -> new NotFoundException("allowed finding " + normalised));
        allowed.delete(existing);
        audit.record(AuditRecord.success(actor(), "secrets.repo-scan.finding-disallowed", TARGET,
                Map.of("fingerprint", normalised)));
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('SECRETS_ADMIN', 'AUDITOR')")
    public List<AllowedFinding> allowList() {
        return allowed.findAllByOrderByCreatedAtDesc().stream().map(RepositoryScan::view).toList();
    }

    // Every current value, HMACed inside the vault; the plaintext is wiped as soon as it is fingerprinted.
    private ManagedValueIndex managedValues() {
        RootKeyring keyring = state.keyring();
        ManagedValueIndex index = new ManagedValueIndex(random);
        for (SecretEntity secret : secrets.findAll()) {
            java.util.OptionalLong currentVersion = stages.version(secret.id(), StageLabel.CURRENT);
            SecretVersionEntity current = currentVersion.isEmpty() ? null
                    : versions.findBySecretIdAndVersion(secret.id(), currentVersion.getAsLong())
                            .filter(SecretVersionEntity::readable).orElse(null);
            if (current == null) {
                continue;
            }
            byte[] plaintext = cipher.decrypt(keyring, secret.path(), current.version(), current.encrypted());
            SecretValue value = SecretValue.fromUtf8(plaintext);
            Arrays.fill(plaintext, (byte) 0);
            char[] chars = value.chars();
            try {
                index.add(secret.path(), chars);
            } finally {
                Arrays.fill(chars, '\0');
                value.wipe();
            }
        }
        return index;
    }

    private ScanRun completed(UUID id, String actor, GitHistoryScanner.Totals totals,
            Map<String, GitHistoryScanner.Found> found, int beyondStored, int suppressed) {
        ScanRunEntity run = runs.findById(id).orElseThrow();
        found.values().stream().map(finding -> new ScanFindingEntity(id, finding)).forEach(findings::save);
        run.completed(clock.instant(), totals, found.size() + beyondStored, suppressed);
        long managed = found.values().stream().filter(finding -> finding.managedPath() != null).count();
        audit.record(AuditRecord.success(actor, "secrets.repo-scan.completed", TARGET, Map.of(
                "run", id.toString(),
                "commits", Integer.toString(totals.commits()),
                "findings", Integer.toString(found.size() + beyondStored),
                "managedValueFindings", Long.toString(managed),
                "allowed", Integer.toString(suppressed))));
        return view(run);
    }

    private void failed(UUID id, String actor, String reason) {
        transactions.executeWithoutResult(status -> {
            runs.findById(id).orElseThrow().failed(clock.instant(), reason);
            audit.record(new AuditRecord(actor, "secrets.repo-scan", TARGET, AuditOutcome.FAILURE,
                    Map.of("run", id.toString(), "reason", reason)));
        });
    }

    private static ScanRun view(ScanRunEntity run) {
        return new ScanRun(run.id(), run.repository(), ScanOutcome.valueOf(run.outcome()), run.startedAt(),
                run.startedBy(), run.finishedAt(), run.commitsScanned(), run.blobsScanned(), run.blobsSkipped(),
                run.findings(), run.allowed(), run.error());
    }

    private static ScanFinding view(ScanFindingEntity finding) {
        return new ScanFinding(finding.id(), finding.runId(), finding.fingerprint(), finding.rule(),
                finding.commitId(), finding.filePath(), finding.line(), finding.preview(), finding.managedPath(),
                finding.author(), finding.committedAt());
    }

    private static AllowedFinding view(AllowedFindingEntity entity) {
        return new AllowedFinding(entity.fingerprint(), entity.reason(), entity.createdAt(), entity.createdBy());
    }

    private static String actor() {
        return Actors.current("system:secrets");
    }
}
