package dev.gantry.secrets;

import dev.gantry.domain.ConflictException;
import dev.gantry.domain.InvalidInputException;
import dev.gantry.domain.NotFoundException;
import dev.gantry.domain.audit.AuditRecord;
import dev.gantry.domain.audit.AuditTrail;
import dev.gantry.domain.audit.Audited;
import dev.gantry.secrets.SecretPermissions.Operation;
import dev.gantry.secrets.internal.crypto.EnvelopeCipher;
import dev.gantry.secrets.internal.crypto.RootKeyring;
import dev.gantry.secrets.internal.Actors;
import dev.gantry.secrets.internal.seal.SealState;
import dev.gantry.secrets.internal.store.LockedSecret;
import dev.gantry.secrets.internal.store.ReadTracker;
import dev.gantry.secrets.internal.store.SecretEntity;
import dev.gantry.secrets.internal.store.SecretVersionEntity;
import dev.gantry.secrets.internal.store.SecretVersions;
import dev.gantry.secrets.internal.store.Secrets;
import dev.gantry.secrets.internal.store.VersionStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Versioned key/value secrets (like Vault's KV v2). Every write adds a version; the newest {@code maxVersions}
 * keep their values, older ones are destroyed. Versions can be soft-deleted, undeleted, destroyed and rolled back.
 *
 * <p>Every operation needs the vault unsealed ({@link VaultSealedException} otherwise). Every read, change and
 * denial is audited with a keyed HMAC of the path, never with a value: a change in its own transaction, a read
 * before its value is returned (see {@link #read(String, long)}).
 */
@Service
public class SecretVault {

    public static final int MAX_MAX_VERSIONS = 100;
    public static final int MAX_DESCRIPTION = 500;

    private final Secrets secrets;
    private final SecretVersions versions;
    private final VersionStore store;
    private final ReadTracker reads;
    private final SealState seal;
    private final EnvelopeCipher cipher;
    private final SecretPermissions permissions;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate readTransactions;
    private final int defaultMaxVersions;

    SecretVault(Secrets secrets, SecretVersions versions, VersionStore store, ReadTracker reads, SealState seal,
            EnvelopeCipher cipher,
            SecretPermissions permissions, AuditTrail audit, Clock clock, PlatformTransactionManager transactionManager,
            @Value("${gantry.secrets.max-versions:10}") int defaultMaxVersions) {
        if (defaultMaxVersions < 1 || defaultMaxVersions > MAX_MAX_VERSIONS) {
            throw new IllegalArgumentException("gantry.secrets.max-versions must be 1 to " + MAX_MAX_VERSIONS);
        }
        this.secrets = secrets;
        this.versions = versions;
        this.store = store;
        this.reads = reads;
        this.seal = seal;
        this.cipher = cipher;
        this.permissions = permissions;
        this.audit = audit;
        this.clock = clock;
        this.readTransactions = new TransactionTemplate(transactionManager);
        this.defaultMaxVersions = defaultMaxVersions;
    }

    /**
     * Writes {@code value} as the next version.
     *
     * <p>Called outside a transaction (as the REST API and the portal do), the caller's permission and input are
     * checked first, on the caller's thread, and the write itself is handed to the audit trail's group commit: it
     * runs under a savepoint, as its caller, in a transaction shared with other callers' writes, and returns once
     * its version and its entry are committed. Called inside a transaction, it all happens in that transaction.
     *
     * @param cas null to write unconditionally; 0 to create only if the secret does not exist; n to write only if
     *            the current version is n
     * @throws ConflictException (field {@code cas}) if the check-and-set does not hold
     */
    @PreAuthorize("isAuthenticated()")
    public SecretVersionInfo write(String path, SecretValue value, @Nullable Long cas) {
        SecretPath parsed = SecretPath.parse(path);
        String canonical = parsed.toString();
        RootKeyring keyring = seal.keyring();
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            permissions.require(Operation.WRITE, canonical, hmac(canonical));
            requireWritable(value, cas);
            SecretVersionInfo written = writeVersion(parsed, keyring, value, cas);
            audit.record(written(canonical, written));
            return written;
        }
        SecretPermissions.Denial denial = permissions.check(Operation.WRITE, canonical, hmac(canonical));
        if (denial != null) {
            audit.recordCommitted(denial.entry());
            throw denial.exception();
        }
        requireWritable(value, cas);
        return audit.commitAudited(() -> {
            SecretVersionInfo written = writeVersion(parsed, keyring, value, cas);
            return Audited.done(written, written(canonical, written));
        });
    }

    private static void requireWritable(SecretValue value, @Nullable Long cas) {
        if (value.length() == 0) {
            throw new InvalidInputException("value", "a secret value must not be empty");
        }
        if (cas != null && cas < 0) {
            throw new InvalidInputException("cas", "cas is 0 (create only) or the current version");
        }
    }

    /** The write itself, in the current transaction, permission and input already checked. */
    private SecretVersionInfo writeVersion(SecretPath parsed, RootKeyring keyring, SecretValue value,
            @Nullable Long cas) {
        String canonical = parsed.toString();
        LockedSecret secret = store.lock(canonical).orElse(null);
        if (secret == null) {
            if (cas != null && cas != 0) {
                throw new ConflictException("cas", "the secret does not exist, so its version is not " + cas);
            }
            // Created by another writer since the lock found nothing: write over theirs, as if it had been first.
            secret = store.create(canonical, parsed.team(), defaultMaxVersions, actor())
                    .or(() -> store.lock(canonical))
                    .orElseThrow(() -> new ConflictException("cas",
                            "another writer was creating the secret at the same time; write again"));
        }
        if (cas != null && cas != secret.currentVersion()) {
            throw new ConflictException("cas", cas == 0
                    ? "the secret already exists"
                    : "the current version is " + secret.currentVersion() + ", not " + cas);
        }
        byte[] plaintext = value.utf8();
        try {
            if (plaintext.length > SecretValue.MAX_BYTES) {
                throw new InvalidInputException("value", "a secret value holds at most "
                        + SecretValue.MAX_BYTES + " bytes");
            }
            return store.appendCurrent(secret, keyring, plaintext, actor());
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    private AuditRecord written(String canonical, SecretVersionInfo written) {
        return AuditRecord.success(actor(), Operation.WRITE.action, target(canonical), Map.of(
                "pathHmac", hmac(canonical),
                "version", Long.toString(written.version())));
    }

    /**
     * The value of the version labelled CURRENT: never a rotation candidate, however a rotation stands.
     *
     * @throws NotFoundException if there is none, or it is deleted or destroyed
     */
    @PreAuthorize("isAuthenticated()")
    public SecretRead read(String path) {
        return read(path, 0);
    }

    /**
     * Version {@code version}'s value; 0 means the current version. A rotation candidate that never became
     * CURRENT (pending or failed) is not readable.
     *
     * <p>Called outside a transaction (as the REST API and the views do), the read runs and commits in a
     * transaction of its own, gives its connection back, and only then waits for its audit entry to be committed
     * together with those of other readers; the value is returned only after that. Called inside a transaction,
     * the entry joins it.
     */
    @PreAuthorize("isAuthenticated()")
    public SecretRead read(String path, long version) {
        String canonical = SecretPath.parse(path).toString();
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            seal.keyring();
            permissions.require(Operation.READ, canonical, hmac(canonical));
            return audited(decrypt(canonical, version), audit::record);
        }
        Reveal reveal = Objects.requireNonNull(readTransactions.execute(status -> {
            seal.keyring();
            SecretPermissions.Denial denial = permissions.check(Operation.READ, canonical, hmac(canonical));
            return denial != null ? new Reveal(null, denial) : new Reveal(decrypt(canonical, version), null);
        }));
        if (reveal.denial() != null) {
            audit.recordCommitted(reveal.denial().entry());
            throw reveal.denial().exception();
        }
        return audited(Objects.requireNonNull(reveal.read()), audit::recordCommitted);
    }

    /** The read, once its entry is stored; its value wiped and the failure thrown if the entry cannot be. */
    private SecretRead audited(SecretRead read, Consumer<AuditRecord> trail) {
        try {
            trail.accept(AuditRecord.success(actor(), Operation.READ.action, target(read.path()), Map.of(
                    "pathHmac", hmac(read.path()),
                    "version", Long.toString(read.version()))));
            return read;
        } catch (RuntimeException | Error e) {
            read.value().wipe();
            throw e;
        }
    }

    private SecretRead decrypt(String canonical, long version) {
        RootKeyring keyring = seal.keyring();
        SecretEntity secret = find(canonical);
        SecretVersionEntity stored = readableVersion(secret.id(), canonical,
                version == 0 ? currentVersion(secret) : version);
        byte[] plaintext = cipher.decrypt(keyring, canonical, stored.version(), stored.encrypted());
        try {
            reads.recordRead(stored.id());
            return new SecretRead(canonical, stored.version(), SecretValue.fromUtf8(plaintext), stored.createdAt());
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    private record Reveal(@Nullable SecretRead read, SecretPermissions.@Nullable Denial denial) {
    }

    /** Soft-deletes the given versions (the current one if none given); {@link #undelete} brings them back. */
    @Transactional(noRollbackFor = AccessDeniedException.class)
    @PreAuthorize("isAuthenticated()")
    public void delete(String path, long... versionNumbers) {
        change(path, Operation.DELETE, versionNumbers, (version, now) -> version.delete(now));
    }

    @Transactional(noRollbackFor = AccessDeniedException.class)
    @PreAuthorize("isAuthenticated()")
    public void undelete(String path, long... versionNumbers) {
        change(path, Operation.UNDELETE, versionNumbers, (version, now) -> version.undelete());
    }

    /** Removes the values of the given versions for good; their history stays. */
    @Transactional(noRollbackFor = AccessDeniedException.class)
    @PreAuthorize("isAuthenticated()")
    public void destroy(String path, long... versionNumbers) {
        change(path, Operation.DESTROY, versionNumbers, (version, now) -> version.destroy(now));
    }

    /** Writes version {@code version}'s value again as a new current version. */
    @Transactional(noRollbackFor = AccessDeniedException.class)
    @PreAuthorize("isAuthenticated()")
    public SecretVersionInfo rollback(String path, long version) {
        String canonical = SecretPath.parse(path).toString();
        RootKeyring keyring = seal.keyring();
        permissions.require(Operation.ROLLBACK, canonical, hmac(canonical));
        LockedSecret secret = store.lock(canonical).orElseThrow(() -> notFound(canonical));
        SecretVersionEntity source = readableVersion(secret.id(), canonical, version);
        byte[] plaintext = cipher.decrypt(keyring, canonical, source.version(), source.encrypted());
        try {
            SecretVersionInfo written = store.appendCurrent(secret, keyring, plaintext, actor());
            audit.record(AuditRecord.success(actor(), Operation.ROLLBACK.action, target(canonical), Map.of(
                    "pathHmac", hmac(canonical),
                    "from", Long.toString(version),
                    "version", Long.toString(written.version()))));
            return written;
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    @Transactional(readOnly = true, noRollbackFor = AccessDeniedException.class)
    @PreAuthorize("isAuthenticated()")
    public SecretMetadata metadata(String path) {
        String canonical = SecretPath.parse(path).toString();
        seal.keyring();
        requireListing(canonical);
        return metadata(find(canonical));
    }

    /** Metadata of the secrets whose path starts with {@code prefix} and that the caller may list, by path. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<SecretMetadata> list(String prefix) {
        seal.keyring();
        SecretPermissions.Caller caller = permissions.caller();
        return secrets.findByPathStartingWithOrderByPath(prefix.strip()).stream()
                .filter(secret -> caller.allows(SecretCapability.LIST, secret.path()))
                .map(this::metadata).toList();
    }

    /**
     * One page of the secrets whose path starts with {@code prefix}, ordered by path whatever {@code pageable}
     * asks, so pages never overlap and no client can sort by a column that is not part of the API.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Page<SecretMetadata> list(String prefix, Pageable pageable) {
        seal.keyring();
        SecretPermissions.Caller caller = permissions.caller();
        // Globs cannot be pushed into SQL, so the caller's listable paths are found first and paged here; only
        // paths are compared, and metadata is built for the one page returned.
        List<SecretEntity> listable = secrets.findByPathStartingWithOrderByPath(prefix.strip()).stream()
                .filter(secret -> caller.allows(SecretCapability.LIST, secret.path()))
                .toList();
        int from = (int) Math.min((long) pageable.getPageNumber() * pageable.getPageSize(), listable.size());
        int to = Math.min(from + pageable.getPageSize(), listable.size());
        List<SecretMetadata> page = listable.subList(from, to).stream().map(this::metadata).toList();
        return new org.springframework.data.domain.PageImpl<>(page,
                PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), Sort.by("path")), listable.size());
    }

    /** Sets the description and how many versions keep their values; extra old versions are destroyed now. */
    @Transactional(noRollbackFor = AccessDeniedException.class)
    @PreAuthorize("isAuthenticated()")
    public SecretMetadata configure(String path, String description, int maxVersions) {
        String canonical = SecretPath.parse(path).toString();
        seal.keyring();
        permissions.require(Operation.CONFIGURE, canonical, hmac(canonical));
        String trimmed = description.strip();
        if (trimmed.length() > MAX_DESCRIPTION || trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("description",
                    "at most " + MAX_DESCRIPTION + " characters, no control characters");
        }
        if (maxVersions < 1 || maxVersions > MAX_MAX_VERSIONS) {
            throw new InvalidInputException("maxVersions", "between 1 and " + MAX_MAX_VERSIONS);
        }
        SecretEntity secret = secrets.lockByPath(canonical).orElseThrow(() -> notFound(canonical));
        secret.configure(trimmed, maxVersions, clock.instant(), actor());
        store.prune(secret);
        audit.record(AuditRecord.success(actor(), Operation.CONFIGURE.action, target(canonical), Map.of(
                "pathHmac", hmac(canonical),
                "maxVersions", Integer.toString(maxVersions))));
        return metadata(secret);
    }

    private interface VersionChange {
        void apply(SecretVersionEntity version, Instant now);
    }

    private void change(String path, Operation operation, long[] versionNumbers, VersionChange change) {
        String canonical = SecretPath.parse(path).toString();
        seal.keyring();
        permissions.require(operation, canonical, hmac(canonical));
        SecretEntity secret = secrets.lockByPath(canonical).orElseThrow(() -> notFound(canonical));
        long[] chosen = versionNumbers.length == 0 ? new long[] {currentVersion(secret)} : versionNumbers;
        Instant now = clock.instant();
        for (long number : LongStream.of(chosen).distinct().sorted().toArray()) {
            SecretVersionEntity version = versions.findBySecretIdAndVersion(secret.id(), number)
                    .orElseThrow(() -> new NotFoundException("version " + number + " of " + canonical));
            change.apply(version, now);
        }
        secret.touch(now, actor());
        audit.record(AuditRecord.success(actor(), operation.action, target(canonical), Map.of(
                "pathHmac", hmac(canonical),
                "versions", LongStream.of(chosen).distinct().sorted().mapToObj(Long::toString)
                        .collect(Collectors.joining(" ")))));
    }

    private long currentVersion(SecretEntity secret) {
        return store.current(secret.id()).orElse(0);
    }

    private SecretVersionEntity readableVersion(UUID secretId, String canonical, long number) {
        SecretVersionEntity version = versions.findBySecretIdAndVersion(secretId, number)
                .orElseThrow(() -> new NotFoundException("version " + number + " of " + canonical));
        if (!version.everCurrent()) {
            throw new NotFoundException("version " + number + " of " + canonical + " (a rotation candidate "
                    + (version.failedAt() != null ? "that failed" : "still pending") + ")");
        }
        if (!version.readable()) {
            throw new NotFoundException("version " + number + " of " + canonical + " ("
                    + (version.destroyed() ? "destroyed" : "deleted") + ")");
        }
        return version;
    }

    private void requireListing(String canonical) {
        permissions.require(Operation.LIST, canonical, hmac(canonical));
    }

    private SecretEntity find(String canonical) {
        return secrets.findByPath(canonical).orElseThrow(() -> notFound(canonical));
    }

    private SecretMetadata metadata(SecretEntity secret) {
        List<SecretVersionInfo> history = versions.findBySecretIdOrderByVersion(secret.id()).stream()
                .map(SecretVault::info).toList();
        return new SecretMetadata(secret.path(), secret.ownerTeam(), secret.description(), secret.createdAt(),
                secret.updatedAt(), currentVersion(secret), secret.maxVersions(), history);
    }

    private static SecretVersionInfo info(SecretVersionEntity version) {
        VersionState state = version.destroyed() ? VersionState.DESTROYED
                : version.failedAt() != null ? VersionState.FAILED
                : !version.everCurrent() ? VersionState.PENDING
                : version.deleted() ? VersionState.DELETED : VersionState.ACTIVE;
        return new SecretVersionInfo(version.version(), state, version.createdAt(), version.createdBy(),
                version.keyVersion());
    }

    private String hmac(String canonical) {
        return seal.pathHmac().of(canonical);
    }

    private static NotFoundException notFound(String canonical) {
        return new NotFoundException("secret " + canonical);
    }

    private static String target(String canonical) {
        return "secret:" + canonical;
    }

    private static String actor() {
        return Actors.current("system:secrets");
    }
}
