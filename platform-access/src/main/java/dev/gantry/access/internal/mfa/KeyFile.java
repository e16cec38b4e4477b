package dev.gantry.access.internal.mfa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;

/**
 * A file holding raw random key bytes, created on first use readable by the owner only (where the file system
 * knows POSIX permissions).
 */
final class KeyFile {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    private KeyFile() {
    }

    static byte[] readOrCreate(Path file, int length, SecureRandom random) {
        try {
            if (!Files.exists(file)) {
                create(file, length, random);
            }
            byte[] key = Files.readAllBytes(file);
            if (key.length != length) {
                throw new IllegalStateException("key file " + file + " holds " + key.length + " bytes, expected "
                        + length + ": restore it from backup, a new key cannot read what the old one encrypted");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create key file " + file, e);
        }
    }

    /**
     * Writes the key to a temporary file and links it into place, so a reader never sees a half-written key and two
     * processes starting together end up with one key, not one each.
     */
    private static void create(Path file, int length, SecureRandom random) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(dir)) {
            if (posix) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
            } else {
                Files.createDirectories(dir);
            }
        }
        Path temp = posix
                ? Files.createTempFile(dir, file.getFileName() + ".", ".new", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(dir, file.getFileName() + ".", ".new");
        try {
            byte[] key = new byte[length];
            random.nextBytes(key);
            Files.write(temp, key);
            try {
                Files.createLink(file, temp);
            } catch (FileAlreadyExistsException lostTheRace) {
                // Another process created it first; use theirs.
            } catch (UnsupportedOperationException noHardLinks) {
                if (!Files.exists(file)) {
                    Files.move(temp, file);
                }
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
