package dev.gantry.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeRestoreTests {

    @TempDir
    Path dir;
    Path source;
    Path restores;

    @BeforeEach
    void sourceTree() throws IOException {
        source = Files.createDirectories(dir.resolve("source"));
        restores = Files.createDirectories(dir.resolve("restores"));
        Files.writeString(source.resolve("README.md"), "# Service\nDeployed by Gantry.\n");
        Files.createDirectories(source.resolve("data/blobs"));
        Files.write(source.resolve("data/blobs/random.bin"), BackupTests.seeded(300_000, 11));
        Files.write(source.resolve("data/big.bin"), BackupTests.seeded(1_500_000, 12));
        Files.write(source.resolve("data/empty"), new byte[0]);
        Files.setPosixFilePermissions(source.resolve("data/empty"), PosixFilePermissions.fromString("rw-r-----"));
        Files.createSymbolicLink(source.resolve("latest.bin"), Path.of("data/big.bin"));
    }

    @Test
    void aTreeComesBackThroughAnEncryptedBackupExactlyAsRecorded() throws IOException {
        var primary = new DirectoryLocation(dir.resolve("primary"));
        var secondary = new DirectoryLocation(dir.resolve("secondary"));
        TreeInventory recorded;
        try (var writer = BackupWriter.create("tree", BackupTests.KEY, BackupTests.SIGNING.getPrivate(),
                BackupTests.CLOCK, List.of(primary, secondary))) {
            recorded = DirectoryTreeSource.write(source, writer);
            assertThat(writer.bufferBytes()).isLessThan(1024 * 1024);
        }
        Path target = restores.resolve("tree");
        TreeInventory restored;
        try (var reader = BackupReader.open(secondary, "tree", BackupTests.KEY, BackupTests.SIGNING.getPublic())) {
            restored = TreeRestore.restore(reader, target);
        }

        assertThat(restored).isEqualTo(recorded);
        assertThat(recorded.verify(target)).isEqualTo(new TreeVerification.Matches(7));
        assertThat(recorded.entries()).extracting(TreeEntry::path).containsExactly(
                "README.md", "data", "data/big.bin", "data/blobs", "data/blobs/random.bin", "data/empty", "latest.bin");
        assertThat(Files.readSymbolicLink(target.resolve("latest.bin"))).isEqualTo(Path.of("data/big.bin"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target.resolve("data/empty"))))
                .isEqualTo("rw-r-----");
    }

    @Test
    void aFileLargerThanSeveralWriteBuffersComesBackByteForByte() throws IOException {
        byte[] large = BackupTests.seeded(6 * 1024 * 1024 + 12_345, 21);
        Files.write(source.resolve("data/large.bin"), large);
        Path target = restores.resolve("large");

        TreeInventory restored = TreeRestore.restore(new ByteArrayInputStream(treeOf(source)), target);

        assertThat(Files.readAllBytes(target.resolve("data/large.bin"))).isEqualTo(large);
        assertThat(restored.verify(target)).isEqualTo(new TreeVerification.Matches(8));
    }

    @Test
    void anEmptyTargetDirectoryIsFilled() throws IOException {
        Path target = Files.createDirectories(restores.resolve("empty"));

        TreeRestore.restore(new ByteArrayInputStream(treeOf(source)), target);

        assertThat(TreeInventory.scan(source).verify(target)).isInstanceOf(TreeVerification.Matches.class);
    }

    @Test
    void aTargetWithContentIsRefusedAndLeftAlone() throws IOException {
        Path target = Files.createDirectories(restores.resolve("busy"));
        Files.writeString(target.resolve("keep.txt"), "mine");

        assertThatThrownBy(() -> TreeRestore.restore(new ByteArrayInputStream(treeOf(source)), target))
                .isInstanceOf(DirectoryNotEmptyException.class).hasMessageContaining("restores never merge");
        assertThat(Files.readString(target.resolve("keep.txt"))).isEqualTo("mine");
        assertThat(children(restores)).containsExactly("busy");
    }

    @Test
    void aVerificationNamesEveryDifference() throws IOException {
        Path target = restores.resolve("t");
        TreeInventory recorded = TreeRestore.restore(new ByteArrayInputStream(treeOf(source)), target);
        Files.writeString(target.resolve("README.md"), "changed");
        Files.delete(target.resolve("data/empty"));
        Files.writeString(target.resolve("extra"), "x");

        assertThat(recorded.verify(target)).isInstanceOfSatisfying(TreeVerification.Differs.class, d ->
                assertThat(d.differences()).containsExactly(
                        "README.md has 7 bytes with another content than the 30 bytes recorded",
                        "missing: data/empty", "unexpected: extra"));
    }

    @Test
    void aParentDirectoryEntryIsRefusedAndNothingIsWrittenOutside() throws IOException {
        byte[] hostile = new HostileTree().file("ok.txt", "fine").file("../escaped.txt", "gotcha").end(2);

        assertRefusedLeavingNothing(hostile, "entry '../escaped.txt' would be written outside the restore target");
        assertThat(dir.resolve("escaped.txt")).doesNotExist();
    }

    @Test
    void anAbsolutePathIsRefused() throws IOException {
        Path outside = dir.resolve("absolute.txt");
        byte[] hostile = new HostileTree().file(outside.toString(), "gotcha").end(1);

        assertRefusedLeavingNothing(hostile, "would be written outside the restore target");
        assertThat(outside).doesNotExist();
    }

    @Test
    void aSymlinkLeavingTheTargetIsRefused() throws IOException {
        byte[] hostile = new HostileTree().symlink("etc", "../../../etc").end(1);

        assertRefusedLeavingNothing(hostile, "symbolic link 'etc' -> '../../../etc' points outside the restore target");
    }

    @Test
    void aSymlinkChainedThroughAnotherLinkIsRefused() throws IOException {
        byte[] hostile = new HostileTree().symlink("x", ".").symlink("x/up", "..").end(2);

        assertRefusedLeavingNothing(hostile, "would be created through another link");
    }

    @Test
    void aFileIsNeverWrittenThroughASymlinkInTheArchive() throws IOException {
        byte[] hostile = new HostileTree().symlink("out", "..").file("out/passwd", "gotcha").end(2);

        assertRefusedLeavingNothing(hostile, "points outside the restore target");
        assertThat(restores.resolve("passwd")).doesNotExist();
    }

    @Test
    void anEntryLargerThanItDeclaresIsRefused() throws IOException {
        byte[] hostile = new HostileTree().fileDeclaring("a.txt", 5, "0123456789").end(1);

        assertRefusedLeavingNothing(hostile, "entry 'a.txt' does not match its declared size of 5 bytes");
    }

    @Test
    void aFileNotMatchingItsDigestFailsInsideAnAuthenticSignedBackupAndLeavesNothing() throws IOException {
        byte[] tree = new HostileTree().file("a.txt", "first").fileDigesting("b.txt", "tampered", "original").end(2);
        var location = new DirectoryLocation(dir.resolve("loc"));
        try (var writer = BackupWriter.create("t", BackupTests.KEY, BackupTests.SIGNING.getPrivate(), BackupTests.CLOCK,
                List.of(location))) {
            writer.write(tree);
        }
        Path target = restores.resolve("t");

        try (var reader = BackupReader.open(location, "t", BackupTests.KEY, BackupTests.SIGNING.getPublic())) {
            assertThatThrownBy(() -> TreeRestore.restore(reader, target))
                    .isInstanceOf(UnsafeArchiveEntryException.class)
                    .hasMessageContaining("entry 'b.txt' does not match its declared size of 8 bytes and SHA-256");
        }
        assertThat(children(restores)).isEmpty();
    }

    @Test
    void aDamagedArchiveLeavesNoHalfRestoredTree() throws IOException {
        try (var writer = BackupWriter.create("t", BackupTests.KEY, BackupTests.SIGNING.getPrivate(), BackupTests.CLOCK,
                List.of(new DirectoryLocation(dir.resolve("loc"))))) {
            DirectoryTreeSource.write(source, writer);
        }
        byte[] archive = Files.readAllBytes(dir.resolve("loc/t"));
        byte[] cut = Arrays.copyOf(archive, archive.length - 80);
        Path target = restores.resolve("t");

        assertThatThrownBy(() -> TreeRestore.restore(BackupReader.open(new ByteArrayInputStream(cut), BackupTests.KEY), target))
                .isInstanceOf(ArchiveCorruptedException.class).hasMessageContaining("truncated");
        assertThat(children(restores)).isEmpty();
    }

    private void assertRefusedLeavingNothing(byte[] tree, String message) throws IOException {
        Path target = restores.resolve("target");
        assertThatThrownBy(() -> TreeRestore.restore(new ByteArrayInputStream(tree), target))
                .isInstanceOf(UnsafeArchiveEntryException.class).hasMessageContaining(message);
        assertThat(children(restores)).isEmpty();
        assertThat(children(dir)).containsExactlyInAnyOrder("source", "restores");
    }

    private static List<String> children(Path directory) throws IOException {
        try (Stream<Path> list = Files.list(directory)) {
            return list.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static byte[] treeOf(Path root) throws IOException {
        var out = new ByteArrayOutputStream();
        DirectoryTreeSource.write(root, out);
        return out.toByteArray();
    }

    /** Writes tree streams the way an attacker would, bypassing the source's checks. */
    private static final class HostileTree {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final DataOutputStream out = new DataOutputStream(bytes);

        HostileTree() throws IOException {
            out.write("GTYTREE1".getBytes(StandardCharsets.US_ASCII));
        }

        HostileTree file(String path, String content) throws IOException {
            return fileDeclaring(path, content.length(), content);
        }

        HostileTree fileDeclaring(String path, long size, String content) throws IOException {
            byte[] data = content.getBytes(StandardCharsets.UTF_8);
            out.writeByte('F');
            out.writeUTF(path);
            out.writeInt(0644);
            out.writeLong(size);
            out.write(data);
            try {
                out.write(MessageDigest.getInstance("SHA-256").digest(data));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            return this;
        }

        /** A file whose declared SHA-256 is that of {@code digested}, not of its content. */
        HostileTree fileDigesting(String path, String content, String digested) throws IOException {
            byte[] data = content.getBytes(StandardCharsets.UTF_8);
            out.writeByte('F');
            out.writeUTF(path);
            out.writeInt(0644);
            out.writeLong(data.length);
            out.write(data);
            try {
                out.write(MessageDigest.getInstance("SHA-256").digest(digested.getBytes(StandardCharsets.UTF_8)));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            return this;
        }

        HostileTree symlink(String path, String target) throws IOException {
            out.writeByte('L');
            out.writeUTF(path);
            out.writeUTF(target);
            return this;
        }

        byte[] end(int entries) throws IOException {
            out.writeByte('E');
            out.writeInt(entries);
            return bytes.toByteArray();
        }
    }
}
