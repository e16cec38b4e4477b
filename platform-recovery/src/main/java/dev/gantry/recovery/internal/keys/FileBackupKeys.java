package dev.gantry.recovery.internal.keys;

import dev.gantry.domain.NotFoundException;
import dev.gantry.recovery.BackupKey;
import dev.gantry.recovery.BackupKeys;
import dev.gantry.recovery.ManifestSigning;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Backup keys in owner-only files: {@code backup-<id>.key} (32 random bytes, base64) and the manifest signing
 * pair. Created on first use; a file created by another node first wins (create-new, then re-read).
 */
public final class FileBackupKeys implements BackupKeys {

    private static final String CURRENT = "current";

    private final Path directory;

    public FileBackupKeys(Path directory) {
        this.directory = directory;
    }

    @Override
    public synchronized BackupKey current() {
        try {
            Path pointer = directory.resolve(CURRENT);
            if (!Files.exists(pointer)) {
                byte[] random = new byte[4];
                new SecureRandom().nextBytes(random);
                String keyId = "gantry-backup-" + HexFormat.of().formatHex(random);
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                writeNew(directory.resolve("backup-" + keyId + ".key"), Base64.getEncoder().encode(key));
                Arrays.fill(key, (byte) 0);
                writeNew(pointer, keyId.getBytes(StandardCharsets.UTF_8));
            }
            return byId(Files.readString(pointer).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("the backup key in " + directory + " cannot be read or created", e);
        }
    }

    @Override
    public BackupKey byId(String keyId) {
        Path file = directory.resolve("backup-" + keyId + ".key");
        if (!keyId.matches("[A-Za-z0-9._:-]{1,64}") || !Files.exists(file)) {
            throw new NotFoundException("backup key " + keyId);
        }
        try {
            byte[] key = Base64.getDecoder().decode(Files.readString(file).strip());
            try {
                return BackupKey.of(keyId, key);
            } finally {
                Arrays.fill(key, (byte) 0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public PrivateKey manifestSigningKey() {
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(signing()[0]));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the manifest signing key is unreadable", e);
        }
    }

    @Override
    public PublicKey manifestPublicKey() {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(signing()[1]));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the manifest public key is unreadable", e);
        }
    }

    /** The ids of the backup keys in the directory, sorted; empty if there is none (or no directory). */
    public List<String> keyIds() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.startsWith("backup-") && name.endsWith(".key"))
                    .map(name -> name.substring("backup-".length(), name.length() - ".key".length()))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("the backup keys in " + directory + " cannot be listed", e);
        }
    }

    /** The id new backups were written with, without creating one. */
    public Optional<String> currentKeyId() {
        Path pointer = directory.resolve(CURRENT);
        try {
            return Files.exists(pointer) ? Optional.of(Files.readString(pointer).strip()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The manifest signing pair, without creating one. */
    public Optional<KeyPair> existingSigningPair() {
        if (!Files.exists(directory.resolve("manifest-signing.pub"))) {
            return Optional.empty();
        }
        return Optional.of(new KeyPair(manifestPublicKey(), manifestSigningKey()));
    }

    /** Deletes every key file this class writes; other files in the directory stay. */
    public synchronized void removeKeyFiles() {
        try {
            for (String keyId : keyIds()) {
                Files.deleteIfExists(directory.resolve("backup-" + keyId + ".key"));
            }
            Files.deleteIfExists(directory.resolve("manifest-signing.key"));
            Files.deleteIfExists(directory.resolve("manifest-signing.pub"));
            Files.deleteIfExists(directory.resolve(CURRENT));
        } catch (IOException e) {
            throw new UncheckedIOException("the key files in " + directory + " cannot be removed", e);
        }
    }

    private synchronized byte[][] signing() {
        Path privateFile = directory.resolve("manifest-signing.key");
        Path publicFile = directory.resolve("manifest-signing.pub");
        try {
            if (!Files.exists(publicFile)) {
                KeyPair pair = ManifestSigning.newKeyPair();
                writeNew(privateFile, Base64.getEncoder().encode(pair.getPrivate().getEncoded()));
                writeNew(publicFile, Base64.getEncoder().encode(pair.getPublic().getEncoded()));
            }
            return new byte[][] {Base64.getDecoder().decode(Files.readString(privateFile).strip()),
                    Base64.getDecoder().decode(Files.readString(publicFile).strip())};
        } catch (IOException e) {
            throw new UncheckedIOException("the manifest signing key in " + directory + " cannot be read", e);
        }
    }

    private void writeNew(Path file, byte[] content) throws IOException {
        Files.createDirectories(directory,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path temp = Files.createTempFile(directory, ".new-", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.write(temp, content);
            Files.createLink(file, temp);
        } catch (FileAlreadyExistsException e) {
            // Another node or thread created it first; theirs is the one everybody reads.
        } finally {
            Arrays.fill(content, (byte) 0);
            Files.deleteIfExists(temp);
        }
    }
}
