package dev.gantry.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.access.testing.RecordingAuditTrail;
import dev.gantry.access.testing.SignedIn;
import dev.gantry.domain.InvalidInputException;
import dev.gantry.domain.audit.AuditOutcome;
import dev.gantry.domain.audit.AuditRecord;
import dev.gantry.secrets.internal.seal.SealState;
import dev.gantry.secrets.testing.RecordingAuditConfiguration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/** Scanning real git repositories, built here with JGit, for leaked secrets; subclasses choose the database. */
@SpringBootTest(classes = SecretsTestApplication.class, properties = "gantry.secrets.scan.max-blob-bytes=65536")
@Import(RecordingAuditConfiguration.class)
@WithMockUser(username = "keeper", roles = "SECRETS_ADMIN")
abstract class RepositoryScanIntegrationTests {

    private static final String AWS_KEY = "AKIAZ7QW3ERTY5UIOP2L";
    private static final String MANAGED = "Tr0ub4dor&3-correct-horse";
    private static final String MANAGED_PATH = "payments/api/prod/db-password";

    @Autowired
    RepositoryScan scans;

    @Autowired
    SecretVault vault;

    @Autowired
    VaultSeal seal;

    @Autowired
    SealState state;

    @Autowired
    RecordingAuditTrail audit;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    Git git;
    Instant time = Instant.parse("2026-11-01T09:00:00Z");

    @BeforeEach
    void anUnsealedVaultAndAnEmptyRepository() throws GitAPIException {
        VaultFixtures.wipe(jdbc, state);
        VaultFixtures.initialisedAndUnsealed(seal);
        git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
        audit.clear();
    }

    @AfterEach
    void closeRepository() {
        git.close();
        audit.failFromNowOn(false);
    }

    @Test
    void aSecretCommittedAndDeletedInALaterCommitIsStillFoundInTheHistory() throws Exception {
        commit("README.md", "# payments\n", "start");
        RevCommit leak = commit("config/app.properties", "region=eu-west-1\naws.key=" + AWS_KEY + "\n", "add config");
        commit("config/app.properties", "region=eu-west-1\n", "remove the key");

        ScanRun run = scans.scan(dir);

        assertThat(run.outcome()).isEqualTo(ScanOutcome.COMPLETED);
        assertThat(run.commitsScanned()).isEqualTo(3);
        assertThat(run.findings()).isEqualTo(1);
        assertThat(scans.findings(run.id())).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo("aws-access-key-id");
            assertThat(finding.commit()).isEqualTo(leak.getName());
            assertThat(finding.file()).isEqualTo("config/app.properties");
            assertThat(finding.line()).isEqualTo(2);
            assertThat(finding.preview()).isEqualTo("AKIA\u2026 (20 chars)");
            assertThat(finding.author()).isEqualTo("Dana Dev");
            assertThat(finding.managedPath()).isNull();
        });
        assertThat(audit.records()).extracting(AuditRecord::action)
                .containsExactly("secrets.repo-scan.started", "secrets.repo-scan.completed");
    }

    @Test
    void aSecretOnlyOnAnotherBranchIsFoundToo() throws Exception {
        commit("README.md", "# payments\n", "start");
        git.checkout().setCreateBranch(true).setName("experiment").call();
        commit("deploy.sh", "export GITHUB_TOKEN=ghp_" + "Q1w2E3r4T5".repeat(4).substring(0, 36) + "\n", "try");
        git.checkout().setName("main").call();

        ScanRun run = scans.scan(dir);

        assertThat(scans.findings(run.id())).extracting(ScanFinding::rule, ScanFinding::file)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("github-token", "deploy.sh"));
    }

    @Test
    void anAllowListedFingerprintIsNotReportedAgain() throws Exception {
        commit("test/fixtures.env", "password=fixture-only-123\n", "fixtures");
        commit("src/app.env", "aws=" + AWS_KEY + "\n", "real leak");
        List<ScanFinding> first = scans.findings(scans.scan(dir).id());
        ScanFinding fixture = first.stream().filter(f -> f.file().equals("test/fixtures.env")).findFirst()
                .orElseThrow();

        AllowedFinding allowed = scans.allow(fixture.fingerprint(), "a test fixture, never a real password");
        ScanRun second = scans.scan(dir);

        assertThat(first).hasSize(2);
        assertThat(scans.findings(second.id())).extracting(ScanFinding::file).containsExactly("src/app.env");
        assertThat(second.allowed()).isEqualTo(1);
        assertThat(scans.allowList()).containsExactly(allowed);
        assertThat(audit.records()).extracting(AuditRecord::action).contains("secrets.repo-scan.finding-allowed");
        scans.disallow(fixture.fingerprint());
        assertThat(scans.findings(scans.scan(dir).id())).hasSize(2);
    }

    @Test
    void aManagedValueCommittedIsFlaggedWithItsVaultPathAndOnlyWhileItIsCurrent() throws Exception {
        vault.write("payments/api/prod/api-key", SecretValue.of("retired-value-0001".toCharArray()), null);
        vault.write("payments/api/prod/api-key", SecretValue.of("rotated-value-0002".toCharArray()), null);
        vault.write(MANAGED_PATH, SecretValue.of(MANAGED.toCharArray()), null);
        commit("deploy/values.yaml", "database:\n  password: \"" + MANAGED + "\"\n", "oops");
        commit("notes.txt", "old key was retired-value-0001 fyi\n", "notes");

        ScanRun run = scans.scan(dir);

        List<ScanFinding> found = scans.findings(run.id());
        assertThat(found).filteredOn(f -> f.managedPath() != null).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo("gantry-managed-value");
            assertThat(finding.managedPath()).isEqualTo(MANAGED_PATH);
            assertThat(finding.file()).isEqualTo("deploy/values.yaml");
            assertThat(finding.line()).isEqualTo(2);
        });
        assertThat(found).filteredOn(f -> f.file().equals("deploy/values.yaml")).as("one finding per leak")
                .hasSize(1);
        assertThat(audit.records()).filteredOn(r -> r.action().equals("secrets.repo-scan.completed"))
                .singleElement().satisfies(r -> assertThat(r.details()).containsEntry("managedValueFindings", "1"));
    }

    @Test
    void aFindingNeverContainsTheFullValueAnywhere() throws Exception {
        vault.write(MANAGED_PATH, SecretValue.of(MANAGED.toCharArray()), null);
        commit("a.env", "password=" + MANAGED + "\naws=" + AWS_KEY + "\n", "leaks");

        ScanRun run = scans.scan(dir);

        List<ScanFinding> found = scans.findings(run.id());
        assertThat(found).hasSize(2).allSatisfy(finding -> {
            assertThat(finding.toString()).doesNotContain(MANAGED).doesNotContain(AWS_KEY);
            assertThat(finding.preview()).hasSizeLessThan(20);
        });
        for (Map<String, Object> row : jdbc.queryForList("select * from secret_scan_finding")) {
            assertThat(row.values().toString()).doesNotContain(MANAGED).doesNotContain(AWS_KEY)
                    .doesNotContain(MANAGED.substring(0, 8)).doesNotContain(AWS_KEY.substring(0, 8));
        }
        assertThat(audit.records()).allSatisfy(record ->
                assertThat(record.toString()).doesNotContain(MANAGED).doesNotContain(AWS_KEY));
    }

    @Test
    void binaryAndOversizedFilesAreSkippedAndCounted() throws Exception {
        byte[] binary = ("\0\0\0PNG aws=" + AWS_KEY + "\0").getBytes(StandardCharsets.ISO_8859_1);
        Files.write(dir.resolve("logo.png"), binary);
        commit("huge.txt", "line\n".repeat(20_000) + "aws=" + AWS_KEY + "\n", "big and binary");

        ScanRun run = scans.scan(dir);

        assertThat(run.blobsSkipped()).isEqualTo(2);
        assertThat(run.blobsScanned()).isZero();
        assertThat(scans.findings(run.id())).isEmpty();
    }

    @Test
    void aDirectoryThatIsNotARepositoryFailsTheRunWithTheReason(@TempDir Path empty) {
        assertThatThrownBy(() -> scans.scan(empty)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no git repository");

        assertThat(scans.runs(10)).singleElement().satisfies(run -> {
            assertThat(run.outcome()).isEqualTo(ScanOutcome.FAILED);
            assertThat(run.error()).contains("no git repository");
        });
        assertThat(audit.records()).last().satisfies(record -> {
            assertThat(record.action()).isEqualTo("secrets.repo-scan");
            assertThat(record.outcome()).isEqualTo(AuditOutcome.FAILURE);
        });
    }

    @Test
    void aPathThatClimbsOutOfTheAllowedRootsIsRefusedOnTheFieldAuditedAndNeverScanned() {
        Path climbing = dir.resolve("../".repeat(dir.getNameCount()) + "usr");

        assertThatThrownBy(() -> scans.scan(climbing)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo("repository");
            assertThat(e.getMessage()).contains("/usr is outside the directories allowed for scans",
                    "gantry.secrets.scan.allowed-roots");
        });

        assertThat(scans.runs(10)).isEmpty();
        assertThat(audit.records()).singleElement().satisfies(record -> {
            assertThat(record.action()).isEqualTo("secrets.repo-scan.refused");
            assertThat(record.outcome()).isEqualTo(AuditOutcome.FAILURE);
        });
    }

    @Test
    void aSymbolicLinkInsideTheAllowedRootsThatLeadsOutOfThemIsRefused() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("looks-local"), Path.of("/usr"));

        assertThatThrownBy(() -> scans.admit(link)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo("repository");
            assertThat(e.getMessage()).contains("is outside the directories allowed for scans");
        });
        assertThatThrownBy(() -> scans.scan(link)).isInstanceOf(InvalidInputException.class);
        assertThat(scans.runs(10)).isEmpty();
    }

    @Test
    void aSymbolicLinkToARepositoryInsideTheRootsIsScannedAtItsRealPlace() throws Exception {
        commit("README.md", "# hello\n", "start");
        Path link = Files.createSymbolicLink(dir.resolveSibling(dir.getFileName() + "-link"), dir);
        try {
            assertThat(scans.scan(link).repository()).isEqualTo(dir.toRealPath().toString());
        } finally {
            Files.delete(link);
        }
    }

    @Test
    void aScanNeedsTheVaultUnsealedAndASecretsAdministrator() throws Exception {
        commit("README.md", "# hello\n", "start");

        SignedIn.as("erin", "ENGINEER", () -> {
            assertThatThrownBy(() -> scans.scan(dir)).isInstanceOf(AccessDeniedException.class);
            return null;
        });
        seal.seal();
        assertThatThrownBy(() -> scans.scan(dir)).isInstanceOf(VaultSealedException.class);
        assertThat(scans.runs(10)).isEmpty();
    }

    private RevCommit commit(String file, String content, String message) throws IOException, GitAPIException {
        Path path = dir.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
        git.add().addFilepattern(".").call();
        time = time.plusSeconds(60);
        PersonIdent author = new PersonIdent("Dana Dev", "dana@example.org", time, ZoneOffset.UTC);
        return git.commit().setMessage(message).setAuthor(author).setCommitter(author).setSign(false).call();
    }
}
