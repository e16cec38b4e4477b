package dev.gantry.secrets;

import dev.gantry.domain.InvalidInputException;
import dev.gantry.domain.audit.AuditOutcome;
import dev.gantry.domain.audit.AuditRecord;
import dev.gantry.domain.audit.AuditTrail;
import dev.gantry.secrets.internal.Actors;
import dev.gantry.secrets.internal.crypto.DecryptionFailedException;
import dev.gantry.secrets.internal.crypto.EnvelopeCipher;
import dev.gantry.secrets.internal.crypto.RootKeyring;
import dev.gantry.secrets.internal.export.ExportKeyEntity;
import dev.gantry.secrets.internal.export.ExportKeys;
import dev.gantry.secrets.internal.export.SealedSecretHpke;
import dev.gantry.secrets.internal.seal.SealState;
import dev.gantry.secrets.internal.seal.SealedKeyring;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Secrets sealed for a repository, like sealed-secrets but with HPKE: a value is encrypted to the vault's X25519
 * public key and bound to its path, committed as text ({@link SealedSecretFile}), and imported by the vault, which
 * alone holds the private key (stored wrapped by the root key). Older key generations are kept, so files sealed
 * before a new generation still open.
 */
@Service
public class SealedExport {

    private static final String TARGET = "secrets:sealed-export";

    private final ExportKeys keys;
    private final SealState state;
    private final SealedKeyring keyring;
    private final EnvelopeCipher cipher;
    private final SecretVault vault;
    private final AuditTrail audit;
    private final Clock clock;

    SealedExport(ExportKeys keys, SealState state, SealedKeyring keyring, EnvelopeCipher cipher, SecretVault vault,
            AuditTrail audit, Clock clock) {
        this.keys = keys;
        this.state = state;
        this.keyring = keyring;
        this.cipher = cipher;
        this.vault = vault;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Seals {@code value} for {@code path} with the current key generation, creating the first generation if there
     * is none. Nothing is stored; the returned text is what to commit.
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public String sealForRepository(String path, SecretValue value) {
        String canonical = SecretPath.parse(path).toString();
        ExportKeyEntity current = currentGeneration();
        String sealed = PublicKeySealer.fromPublicKey(Base64.getEncoder().encodeToString(current.publicKey()))
                .seal(canonical, value);
        audit.record(AuditRecord.success(actor(), "secret.sealed-for-repository", "secret:" + canonical, Map.of(
                "pathHmac", state.pathHmac().of(canonical), "keyId", current.keyId())));
        return sealed;
    }

    /**
     * Opens a sealed-secret file and writes its value as the next version at the path it names, with the same
     * permission checks and audit as {@link SecretVault#write}.
     *
     * @throws InvalidInputException (field {@code sealed}) if the text is malformed, names an unknown key, or does
     *                               not open (changed, or sealed for another path or another vault)
     */
    @Transactional(noRollbackFor = {AccessDeniedException.class, InvalidInputException.class})
    @PreAuthorize("isAuthenticated()")
    public SecretVersionInfo importSealed(String text) {
        SealedSecretFile file = SealedSecretFile.parse(text);
        RootKeyring current = state.keyring();
        ExportKeyEntity key = keys.findByKeyId(file.keyId()).orElseThrow(() -> refused(file,
                "unknown key id", "the key id " + file.keyId() + " is not one of this vault's sealing keys"));
        byte[] privateKey = cipher.unwrapKey(current, key.label(), key.privateKey());
        byte[] plaintext;
        try {
            plaintext = SealedSecretHpke.open(privateKey, key.publicKey(),
                    new SealedSecretHpke.Sealed(file.enc(), file.ciphertext()), SealedSecretFile.info(),
                    file.associatedData());
        } catch (DecryptionFailedException e) {
            throw refused(file, "does not open", "the sealed secret does not open: it was changed, or sealed for "
                    + "another path or another vault");
        } finally {
            Arrays.fill(privateKey, (byte) 0);
        }
        if (plaintext.length == 0 || plaintext.length > SecretValue.MAX_BYTES) {
            Arrays.fill(plaintext, (byte) 0);
            throw refused(file, "value size", "the sealed value must hold 1 to " + SecretValue.MAX_BYTES + " bytes");
        }
        SecretValue value = SecretValue.fromUtf8(plaintext);
        Arrays.fill(plaintext, (byte) 0);
        try {
            SecretVersionInfo written = vault.write(file.path(), value, null);
            audit.record(AuditRecord.success(actor(), "secret.sealed-imported", "secret:" + file.path(), Map.of(
                    "pathHmac", state.pathHmac().of(file.path()),
                    "keyId", file.keyId(),
                    "generation", Integer.toString(key.generation()),
                    "version", Long.toString(written.version()))));
            return written;
        } finally {
            value.wipe();
        }
    }

    /** The current generation's public key, creating the first generation if there is none. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public ExportPublicKey publicKey() {
        ExportKeyEntity current = currentGeneration();
        return view(current, current.generation());
    }

    /** Every generation, oldest first; all of them still open what was sealed to them. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<ExportPublicKey> generations() {
        List<ExportKeyEntity> all = keys.findAllByOrderByGeneration();
        int newest = all.isEmpty() ? 0 : all.getLast().generation();
        return all.stream().map(key -> view(key, newest)).toList();
    }

    /** Creates a new key generation that sealing uses from now on; older generations keep opening their files. */
    @Transactional
    @PreAuthorize("hasRole('SECRETS_ADMIN')")
    public ExportPublicKey newGeneration() {
        state.keyring();
        keyring.lockConfig();
        int next = keys.findFirstByOrderByGenerationDesc().map(ExportKeyEntity::generation).orElse(0) + 1;
        ExportKeyEntity created = create(next);
        return view(created, created.generation());
    }

    private ExportKeyEntity currentGeneration() {
        state.keyring();
        Optional<ExportKeyEntity> current = keys.findFirstByOrderByGenerationDesc();
        if (current.isPresent()) {
            return current.get();
        }
        // Serialise the first creation across nodes; whoever comes second finds the first generation.
        keyring.lockConfig();
        return keys.findFirstByOrderByGenerationDesc().orElseGet(() -> create(1));
    }

    private ExportKeyEntity create(int generation) {
        SealedSecretHpke.KeyPair pair = SealedSecretHpke.newKeyPair();
        try {
            String keyId = PublicKeySealer.keyIdOf(pair.publicKey());
            ExportKeyEntity created = keys.saveAndFlush(new ExportKeyEntity(generation, keyId, pair.publicKey(),
                    cipher.wrapKey(state.keyring(), ExportKeyEntity.labelOf(generation, keyId), pair.privateKey()),
                    clock.instant(), actor()));
            audit.record(AuditRecord.success(actor(), "secrets.sealed-export.key-created", TARGET, Map.of(
                    "generation", Integer.toString(generation), "keyId", keyId)));
            return created;
        } finally {
            Arrays.fill(pair.privateKey(), (byte) 0);
        }
    }

    private InvalidInputException refused(SealedSecretFile file, String reason, String message) {
        audit.record(new AuditRecord(actor(), "secret.sealed-import", "secret:" + file.path(), AuditOutcome.FAILURE,
                Map.of("pathHmac", state.pathHmac().of(file.path()), "keyId", file.keyId(), "reason", reason)));
        return new InvalidInputException("sealed", message);
    }

    private static ExportPublicKey view(ExportKeyEntity key, int newest) {
        return new ExportPublicKey(key.generation(), key.keyId(),
                Base64.getEncoder().encodeToString(key.publicKey()), PublicKeySealer.pem(key.publicKey()),
                key.generation() == newest, key.createdAt(), key.createdBy());
    }

    private static String actor() {
        return Actors.current("system:secrets");
    }
}
