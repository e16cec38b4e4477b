package dev.gantry.secrets.internal.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.domain.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which paths a scan may read, on a real file system with real symbolic links. */
class ScanRootsTests {

    @TempDir
    Path dir;

    Path allowed;
    Path elsewhere;
    ScanRoots roots;

    @BeforeEach
    void aRootAndADirectoryBesideIt() throws Exception {
        allowed = Files.createDirectories(dir.resolve("repos"));
        elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        roots = new ScanRoots(List.of(allowed.toString()));
    }

    @Test
    void aRepositoryInsideARootIsAdmittedAsItsRealPath() throws Exception {
        Path repository = Files.createDirectories(allowed.resolve("team/payments.git"));

        assertThat(roots.admit(allowed.resolve("team/./other/../payments.git"))).isEqualTo(repository.toRealPath());
    }

    @Test
    void dotDotThatLeavesTheRootIsRefusedOnTheRepositoryField() {
        refused(allowed.resolve("../elsewhere"), "is outside the directories allowed for scans");
        refused(allowed.resolve("team/../../elsewhere"), "is outside the directories allowed for scans");
    }

    @Test
    void aSymbolicLinkInsideTheRootThatLeadsOutIsRefused() throws Exception {
        Path link = Files.createSymbolicLink(allowed.resolve("innocent"), elsewhere);
        Files.createDirectories(elsewhere.resolve("nested"));

        refused(link, "is outside the directories allowed for scans");
        refused(link.resolve("nested"), "is outside the directories allowed for scans");
    }

    @Test
    void aSymbolicLinkOutsideThatLeadsIntoTheRootIsAdmitted() throws Exception {
        Path repository = Files.createDirectories(allowed.resolve("payments"));
        Path link = Files.createSymbolicLink(elsewhere.resolve("shortcut"), repository);

        assertThat(roots.admit(link)).isEqualTo(repository.toRealPath());
    }

    @Test
    void aRootThatIsItselfALinkAllowsWhatItLeadsTo() throws Exception {
        Path linkedRoot = Files.createSymbolicLink(dir.resolve("linked-root"), allowed);
        Path repository = Files.createDirectories(allowed.resolve("payments"));

        assertThat(new ScanRoots(List.of(linkedRoot.toString())).admit(linkedRoot.resolve("payments")))
                .isEqualTo(repository.toRealPath());
    }

    @Test
    void aMissingPathSaysNoDirectoryOnlyInsideTheRoots() {
        refused(allowed.resolve("missing"), "no directory at " + allowed.resolve("missing"));
        refused(elsewhere.resolve("missing"), "is outside the directories allowed for scans");
    }

    @Test
    void aFileIsNotARepository() throws Exception {
        Path file = Files.writeString(allowed.resolve("notes.txt"), "not a repository");

        refused(file, "no directory at");
    }

    @Test
    void withoutRootsScansAreOffAndTheMessageNamesTheSetting() {
        refused(new ScanRoots(List.of()), allowed, "set gantry.secrets.scan.allowed-roots");
    }

    @Test
    void aRelativeRootIsRefusedAtStart() {
        assertThatThrownBy(() -> new ScanRoots(List.of("repos"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("absolute");
    }

    private void refused(Path path, String message) {
        refused(roots, path, message);
    }

    private static void refused(ScanRoots roots, Path path, String message) {
        assertThatThrownBy(() -> roots.admit(path)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo("repository");
            assertThat(e.getMessage()).contains(message);
        });
    }
}
