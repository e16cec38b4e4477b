package dev.gantry.secrets.internal.seal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/** The unseal key in a file readable by its owner only, for auto-unseal on a single node. */
public final class KeyFile {

    private KeyFile() {
    }

    public static byte[] readOrCreate(Path file, int length, SecureRandom random) {
        try {
            if (!Files.exists(file)) {
                create(file, length, random);
            }
            byte[] key = Files.readAllBytes(file);
            if (key.length != length) {
                throw new IllegalStateException("unseal key file " + file + " holds " + key.length
                        + " bytes, expected " + length + ": restore it from backup");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create unseal key file " + file, e);
        }
    }

    private static void create(Path file, int length, SecureRandom random) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Path temp = posix
                ? Files.createTempFile(dir, "unseal.", ".new",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(dir, "unseal.", ".new");
        try {
            byte[] key = new byte[length];
            random.nextBytes(key);
            Files.write(temp, key);
            java.util.Arrays.fill(key, (byte) 0);
            try {
                Files.createLink(file, temp);
            } catch (FileAlreadyExistsException lostTheRace) {
                // Another node or process created it first; use theirs.
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
