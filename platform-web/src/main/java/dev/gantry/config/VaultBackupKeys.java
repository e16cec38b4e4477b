package dev.gantry.config;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.gantry.domain.ConflictException;
import dev.gantry.domain.NotFoundException;
import dev.gantry.domain.audit.AuditRecord;
import dev.gantry.domain.audit.AuditTrail;
import dev.gantry.recovery.BackupKey;
import dev.gantry.recovery.BackupKeys;
import dev.gantry.recovery.BackupKeysUnavailableException;
import dev.gantry.recovery.KeyFiles;
import dev.gantry.recovery.ManifestSigning;
import dev.gantry.secrets.SecretValue;
import dev.gantry.secrets.SystemSecrets;
import dev.gantry.secrets.VaultSealedException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The backup keys in the vault ({@code gantry.recovery.keys=vault}, the default), under paths reserved for Gantry
 * that no policy opens: {@code gantry/recovery/backup-keys/<key id>} (32 bytes, base64), the id new backups use at
 * {@code gantry/recovery/current/backup-key}, and the manifest signing pair at {@code gantry/recovery/signing/manifest-pair}.
 * Every read is the vault's audited read as {@code system:recovery-keys}; no key is kept in memory between uses,
 * so once the vault is sealed no backup or drill can open a key until it is unsealed again.
 *
 * <p>Key files from the time keys lived on disk are moved in on first use, under their own ids so every older
 * backup still restores; once each is in the vault and reads back the same, the move is audited and the files are
 * deleted, because a plain copy next to the application would open every backup without the vault's seal.
 */
final class VaultBackupKeys implements BackupKeys {

    static final String PURPOSE = "recovery-keys";
    static final String KEYS = "gantry/recovery/backup-keys/";
    static final String CURRENT = "gantry/recovery/current/backup-key";
    static final String SIGNING = "gantry/recovery/signing/manifest-pair";

    static final String SEALED = "the vault is sealed, and it holds the backup keys: unseal it (Secrets › Vault seal, "
            + "or POST /api/v1/secrets/unseal; a node that unseals from its key file does so at start-up) and try again";

    private static final Logger log = LoggerFactory.getLogger(VaultBackupKeys.class);

    private final SystemSecrets vault;
    private final KeyFiles files;
    private final Path keyDirectory;
    private final AuditTrail audit;
    private final TransactionTemplate ownTransaction;

    VaultBackupKeys(SystemSecrets vault, Path keyDirectory, AuditTrail audit, PlatformTransactionManager transactions) {
        this.vault = vault;
        this.keyDirectory = keyDirectory.toAbsolutePath().normalize();
        this.files = KeyFiles.in(this.keyDirectory);
        this.audit = audit;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public BackupKey current() {
        return unsealed(() -> {
            moveFilesIn();
            String keyId = readString(CURRENT);
            if (keyId == null) {
                keyId = createCurrent();
            }
            return byIdUnsealed(keyId);
        });
    }

    @Override
    public BackupKey byId(String keyId) {
        return unsealed(() -> {
            moveFilesIn();
            return byIdUnsealed(keyId);
        });
    }

    @Override
    public PrivateKey manifestSigningKey() {
        return unsealed(() -> {
            moveFilesIn();
            return signingPair().getPrivate();
        });
    }

    @Override
    public PublicKey manifestPublicKey() {
        return unsealed(() -> {
            moveFilesIn();
            return signingPair().getPublic();
        });
    }

    private BackupKey byIdUnsealed(String keyId) {
        byte[] key = readBytesOrNull(KEYS + vaultName(keyId));
        if (key == null) {
            throw new NotFoundException("backup key " + keyId);
        }
        try {
            return BackupKey.of(keyId, key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** The first key: written before the pointer, so the pointer never names a key that is not there. */
    private String createCurrent() {
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        String keyId = "gantry-backup-" + HexFormat.of().formatHex(random);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try {
            writeBytes(KEYS + keyId, key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
        try {
            writeString(CURRENT, keyId);
        } catch (ConflictException anotherNodeFirst) {
            // Its key is the one everybody uses; ours stays unused.
        }
        String current = readString(CURRENT);
        if (current == null) {
            throw new IllegalStateException("the current backup key id cannot be read back from the vault");
        }
        return current;
    }

    /** The pair as one secret, written once: two nodes creating it at the same time can never mix halves. */
    private KeyPair signingPair() {
        String stored = readString(SIGNING);
        if (stored == null) {
            KeyPair created = ManifestSigning.newKeyPair();
            try {
                writeString(SIGNING, encode(created));
                return created;
            } catch (ConflictException anotherNodeFirst) {
                stored = readString(SIGNING);
                if (stored == null) {
                    throw new IllegalStateException("the manifest signing pair cannot be read back from the vault");
                }
            }
        }
        return decode(stored);
    }

    private static String encode(KeyPair pair) {
        return Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + ":"
                + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
    }

    private static KeyPair decode(String stored) {
        int colon = stored.indexOf(':');
        byte[] privateBytes = Base64.getDecoder().decode(stored.substring(0, colon));
        try {
            KeyFactory ed25519 = KeyFactory.getInstance("Ed25519");
            return new KeyPair(ed25519.generatePublic(new X509EncodedKeySpec(
                    Base64.getDecoder().decode(stored.substring(colon + 1)))),
                    ed25519.generatePrivate(new PKCS8EncodedKeySpec(privateBytes)));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("the manifest signing pair in the vault is unreadable");
        } finally {
            Arrays.fill(privateBytes, (byte) 0);
        }
    }

    /**
     * Moves key files into the vault whenever there are some (a look at one directory when there are none, the
     * usual case). Idempotent: a key already there with the same bytes is
     * fine, so a move interrupted before the files were deleted simply runs again. A key id the vault holds with
     * other bytes stops it, and the files stay, because deleting them would lose the only copy of that key.
     */
    private synchronized void moveFilesIn() {
        List<String> keyIds = files.keyIds();
        var signing = files.manifestSigningPair();
        if (keyIds.isEmpty() && signing.isEmpty()) {
            return;
        }
        List<String> moved = new ArrayList<>();
        for (String keyId : keyIds) {
            byte[] bytes = files.key(keyId).secretKey().getEncoded();
            try {
                String path = KEYS + vaultName(keyId);
                try {
                    writeBytes(path, bytes);
                } catch (ConflictException alreadyThere) {
                    // Checked below like a fresh write.
                }
                requireSame(path, bytes, "backup key " + keyId);
                moved.add(keyId);
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
        }
        String signingOutcome = "none on disk";
        if (signing.isPresent()) {
            String fromFiles = encode(signing.get());
            if (readString(SIGNING) == null) {
                try {
                    writeString(SIGNING, fromFiles);
                } catch (ConflictException alreadyThere) {
                    // Checked below like a fresh write.
                }
            }
            byte[] expected = signing.get().getPublic().getEncoded();
            if (!MessageDigest.isEqual(signingPair().getPublic().getEncoded(), expected)) {
                throw new IllegalStateException("the vault holds another manifest signing pair than the files in "
                        + keyDirectory + "; the files are kept and nothing was overwritten: compare the two before "
                        + "removing either");
            }
            signingOutcome = "moved";
        }
        String current = files.currentKeyId().orElse(null);
        if (current != null && readString(CURRENT) == null) {
            try {
                writeString(CURRENT, current);
            } catch (ConflictException anotherNodeFirst) {
                // Either pointer names a key the vault holds.
            }
        }
        String keysMoved = String.join(" ", moved);
        String signingMoved = signingOutcome;
        ownTransaction.executeWithoutResult(status -> audit.record(AuditRecord.success("system:" + PURPOSE,
                "recovery.keys.moved-to-vault", "backup-keys:vault", Map.of(
                        "keys", keysMoved.isEmpty() ? "none" : keysMoved,
                        "signingPair", signingMoved,
                        "from", keyDirectory.toString(),
                        "files", "deleted"))));
        files.remove();
        log.info("Moved backup keys [{}] and the manifest signing pair ({}) from {} into the vault; the files are "
                + "deleted", keysMoved, signingMoved, keyDirectory);
    }

    private void requireSame(String path, byte[] expected, String what) {
        byte[] stored = readBytes(path);
        try {
            if (!MessageDigest.isEqual(stored, expected)) {
                throw new IllegalStateException("the vault holds " + what + " with other bytes than the file in "
                        + keyDirectory + "; the files are kept and nothing was overwritten: compare the two before "
                        + "removing either");
            }
        } finally {
            Arrays.fill(stored, (byte) 0);
        }
    }

    /** A vault name holds no colon, which key ids may; files written by Gantry never have one. */
    private static String vaultName(String keyId) {
        if (!keyId.matches("[A-Za-z0-9](?:[A-Za-z0-9._-]{0,62}[A-Za-z0-9])?")) {
            throw new NotFoundException("backup key " + keyId);
        }
        return keyId;
    }

    private static <T> T unsealed(Supplier<T> work) {
        try {
            return work.get();
        } catch (VaultSealedException sealed) {
            throw new BackupKeysUnavailableException(SEALED);
        }
    }

    private @Nullable String readString(String path) {
        byte[] bytes = readRaw(path);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8).strip();
    }

    private byte[] readBytes(String path) {
        byte[] bytes = readBytesOrNull(path);
        if (bytes == null) {
            throw new NotFoundException("recovery key " + path);
        }
        return bytes;
    }

    private byte @Nullable [] readBytesOrNull(String path) {
        byte[] encoded = readRaw(path);
        if (encoded == null) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(encoded);
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
    }

    private byte @Nullable [] readRaw(String path) {
        SecretValue value;
        try {
            value = vault.read(PURPOSE, path).value();
        } catch (NotFoundException absent) {
            return null;
        }
        try {
            return value.utf8();
        } finally {
            value.wipe();
        }
    }

    private void writeBytes(String path, byte[] bytes) {
        SecretValue value = base64(bytes);
        try {
            vault.writeReserved(PURPOSE, path, value, 0L);
        } finally {
            value.wipe();
        }
    }

    private void writeString(String path, String text) {
        vault.writeReserved(PURPOSE, path, SecretValue.of(text.toCharArray()), 0L);
    }

    private static SecretValue base64(byte[] bytes) {
        byte[] encoded = Base64.getEncoder().encode(bytes);
        char[] chars = new char[encoded.length];
        for (int i = 0; i < encoded.length; i++) {
            chars[i] = (char) encoded[i];
        }
        Arrays.fill(encoded, (byte) 0);
        try {
            return SecretValue.of(chars);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }
}
