package dev.gantry.ui.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import dev.gantry.domain.Role;
import dev.gantry.secrets.RepositoryScan;
import dev.gantry.secrets.ScanFinding;
import dev.gantry.secrets.ScanOutcome;
import dev.gantry.secrets.ScanRun;
import dev.gantry.testing.WithGantryUser;
import dev.gantry.ui.PortalTestSupport;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** A repository scan started from the portal runs in the background; findings show redacted and can be allowed. */
@WithGantryUser(username = "ui-scanner", roles = Role.SECRETS_ADMIN)
class RepositoryScansViewIntegrationTests extends PortalTestSupport {

    private static final String LEAKED = "AKIAZ7QWERTYUIOPASDF";

    @Autowired RepositoryScan scans;
    @TempDir Path scratch;

    @Test
    void aScanRunsInTheBackgroundAndShowsItsFindingsRedactedForAllowListing() throws Exception {
        Path repository = repositoryWithALeak();
        navigate("secrets/scans", Component.class);

        test($(TextField.class).withId("scan-repository").single()).setValue(repository.toString());
        test($(Button.class).withId("start-scan").single()).click();
        ScanRun finished = awaitFinished(repository);
        assertThat(finished.outcome()).isEqualTo(ScanOutcome.COMPLETED);
        navigate("secrets/scans", Component.class);
        @SuppressWarnings("unchecked")
        Grid<ScanRun> runs = $(Grid.class).withId("scan-runs").single();
        test(runs).select(0);

        @SuppressWarnings("unchecked")
        Grid<ScanFinding> findings = $(Grid.class).withId("scan-findings").single();
        assertThat(test(findings).size()).isPositive();
        ScanFinding aws = java.util.stream.IntStream.range(0, test(findings).size())
                .mapToObj(row -> test(findings).getRow(row)).filter(f -> f.file().equals("deploy.env"))
                .findFirst().orElseThrow();
        for (int row = 0; row < test(findings).size(); row++) {
            for (int column = 0; column < 4; column++) {
                assertThat(test(findings).getCellText(row, column)).doesNotContain(LEAKED);
            }
        }
        test(buttonInGrid("scan-findings", "actions", "allow-" + aws.id())).click();
        test($(TextField.class).withId("allow-reason").single()).setValue("a revoked example key");
        test($(Button.class).withId("confirm-allow").single()).click();
        assertThat(scans.allowList()).anySatisfy(a -> assertThat(a.fingerprint()).isEqualTo(aws.fingerprint()));
    }

    @Test
    void aPathThatIsNotADirectoryIsRefusedOnTheField() {
        navigate("secrets/scans", Component.class);
        TextField repository = $(TextField.class).withId("scan-repository").single();

        test(repository).setValue(scratch.resolve("nowhere").toString());
        test($(Button.class).withId("start-scan").single()).click();

        assertThat(repository.isInvalid()).isTrue();
        assertThat(repository.getErrorMessage()).contains("No directory");
    }

    @Test
    void aLinkThatLeadsOutOfTheAllowedDirectoriesIsRefusedOnTheField() throws Exception {
        Path link = Files.createSymbolicLink(scratch.resolve("innocent"), Path.of("/usr"));
        navigate("secrets/scans", Component.class);
        TextField repository = $(TextField.class).withId("scan-repository").single();

        test(repository).setValue(link.toString());
        test($(Button.class).withId("start-scan").single()).click();

        assertThat(repository.isInvalid()).isTrue();
        assertThat(repository.getErrorMessage()).contains("outside the directories allowed for scans",
                "gantry.secrets.scan.allowed-roots");
    }

    private Path repositoryWithALeak() throws Exception {
        Path repository = scratch.resolve("leaky");
        try (Git git = Git.init().setDirectory(repository.toFile()).setInitialBranch("main").call()) {
            Files.writeString(repository.resolve("deploy.env"), "AWS_ACCESS_KEY_ID=" + LEAKED + "\n");
            git.add().addFilepattern("deploy.env").call();
            PersonIdent who = new PersonIdent("Dev", "dev@example.org");
            git.commit().setMessage("deploy settings").setAuthor(who).setCommitter(who).setSign(false).call();
        }
        return repository;
    }

    private ScanRun awaitFinished(Path repository) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(until)) {
            var run = scans.runs(20).stream().filter(r -> r.repository().equals(repository.toString())).findFirst();
            if (run.isPresent() && run.get().outcome() != ScanOutcome.RUNNING) {
                return run.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the scan of " + repository + " did not finish within a minute");
    }
}
