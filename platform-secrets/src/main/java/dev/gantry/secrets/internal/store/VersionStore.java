package dev.gantry.secrets.internal.store;

import dev.gantry.secrets.SecretVersionInfo;
import dev.gantry.secrets.StageLabel;
import dev.gantry.secrets.VersionState;
import dev.gantry.secrets.internal.crypto.EncryptedValue;
import dev.gantry.secrets.internal.crypto.EnvelopeCipher;
import dev.gantry.secrets.internal.crypto.RootKeyring;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.engine.spi.EntityKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes versions and moves their labels, for the vault's own writes and for rotation alike, inside the caller's
 * transaction (which holds the secret's row lock).
 *
 * <p>A vault write ({@link #lock}, {@link #create}, {@link #appendCurrent}) is plain prepared statements. It is the
 * hot path: writes are made one after another by the audit trail's committers while they hold the row locks, and
 * there Hibernate's bookkeeping (persisting, dirty-checking, flushing the version and the secret) cost more than the
 * statements themselves. Rotation works on entities, and shares the rules below (labels, pruning) with writes.
 * Because statements bypass the persistence context, a write first flushes it, and afterwards re-reads any entity of
 * the written secret that the caller's transaction had loaded, so nothing later in that transaction reads, or
 * writes back, a stale copy.
 */
@Component
public class VersionStore {

    private static final String LOCK = "select id, max_versions, latest_version from secret_metadata where path = ?"
            + " for update";
    private static final String CREATE = """
            insert into secret_metadata (id, path, owner_team, description, max_versions, latest_version,
                created_at, created_by, updated_at, updated_by)
            values (?, ?, ?, '', ?, 0, ?, ?, ?, ?)""";
    private static final String FAIL_CANDIDATE = "update secret_version set failed_at = ? where secret_id = ?"
            + " and version = ? and failed_at is null and current_since is null";
    private static final String INSERT_CURRENT = """
            insert into secret_version (id, secret_id, version, key_version, wrapped_data_key, ciphertext,
                value_key_version, created_at, created_by, current_since)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String ADVANCE = "update secret_metadata set latest_version = ?, updated_at = ?,"
            + " updated_by = ? where id = ?";
    /** Destroys the chosen versions that hold a value, carry no label and are no retired credential to revoke. */
    private static final String DESTROY = """
            update secret_version
            set destroyed_at = ?, key_version = null, wrapped_data_key = null, ciphertext = null,
                value_key_version = null
            where secret_id = ? and %s and destroyed_at is null
              and not exists (select 1 from secret_stage s
                              where s.secret_id = secret_version.secret_id and s.version = secret_version.version)
              and not exists (select 1 from secret_retired_version r
                              where r.secret_id = secret_version.secret_id and r.version = secret_version.version
                                and r.revoked_at is null)""";
    private static final String PRUNE = DESTROY.formatted("version < ?");
    /** The version that left the kept ones, and the three labels' versions before the write. */
    private static final int FREED_AT_MOST = 1 + StageLabel.values().length;
    private static final String PRUNE_FREED = DESTROY.formatted(
            "version in (" + String.join(", ", Collections.nCopies(FREED_AT_MOST, "?")) + ")");

    private static final Set<String> OURS = Set.of(SecretEntity.class.getName(), SecretVersionEntity.class.getName());

    private final SecretVersions versions;
    private final StageLabels labels;
    private final EnvelopeCipher cipher;
    private final JdbcTemplate jdbc;
    private final EntityManager entities;
    private final Clock clock;

    VersionStore(SecretVersions versions, StageLabels labels, EnvelopeCipher cipher, JdbcTemplate jdbc,
            EntityManager entities, Clock clock) {
        this.versions = versions;
        this.labels = labels;
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.entities = entities;
        this.clock = clock;
    }

    /** Locks the secret's row until the end of the transaction, and reads it and its labels; empty if none. */
    public Optional<LockedSecret> lock(String path) {
        entities.flush();
        return jdbc.query(LOCK, rows -> {
            if (!rows.next()) {
                return Optional.<LockedSecret>empty();
            }
            UUID id = rows.getObject(1, UUID.class);
            return Optional.of(new LockedSecret(id, path, rows.getInt(2), rows.getLong(3), labels.all(id)));
        }, path);
    }

    /**
     * Inserts a secret with no version yet, its row locked as by {@link #lock}; empty if another writer created
     * the path at the same time, in which case nothing of this transaction is lost and {@link #lock} finds theirs.
     * Call it when {@link #lock} has found nothing, which has flushed the persistence context already.
     */
    public Optional<LockedSecret> create(String path, String ownerTeam, int maxVersions, String by) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = at(clock.instant());
        if (!InsertUnlessTaken.insert(jdbc, CREATE, id, path, ownerTeam, maxVersions, now, by, now, by)) {
            return Optional.empty();
        }
        return Optional.of(new LockedSecret(id, path, maxVersions, 0, Map.of()));
    }

    /**
     * Writes the next version of a locked secret and makes it CURRENT (the old CURRENT becomes PREVIOUS). A
     * rotation candidate still PENDING is superseded: it is marked FAILED, since finishing it would overwrite what
     * was just written.
     */
    public SecretVersionInfo appendCurrent(LockedSecret secret, RootKeyring keyring, byte[] plaintext, String by) {
        Instant now = clock.instant();
        OffsetDateTime at = at(now);
        Long pending = secret.label(StageLabel.PENDING);
        if (pending != null) {
            jdbc.update(FAIL_CANDIDATE, at, secret.id(), pending);
            labels.dropPending(secret.id(), pending);
        }
        long next = secret.latestVersion() + 1;
        EncryptedValue value = cipher.encrypt(keyring, secret.path(), next, plaintext);
        UUID versionId = UUID.randomUUID();
        jdbc.update(INSERT_CURRENT, versionId, secret.id(), next, value.keyVersion(), value.wrappedDataKey(),
                value.ciphertext(), value.valueKeyVersion(), at, by, at);
        labels.promoteNew(secret.id(), next, secret.label(StageLabel.CURRENT), now);
        jdbc.update(ADVANCE, next, at, by, secret.id());
        destroyFallenOff(secret, next, now);
        refreshLoaded(secret.id());
        return new SecretVersionInfo(next, VersionState.ACTIVE, now, by, value.keyVersion());
    }

    /** Writes the next version as a PENDING candidate that no reader sees. */
    public SecretVersionEntity appendCandidate(SecretEntity secret, RootKeyring keyring, byte[] plaintext, String by) {
        Instant now = clock.instant();
        long next = secret.advance(now, by);
        SecretVersionEntity written = versions.saveAndFlush(new SecretVersionEntity(secret.id(), next,
                cipher.encrypt(keyring, secret.path(), next, plaintext), now, by));
        labels.stagePending(secret.id(), written.version(), now);
        return written;
    }
    /** Finishes a rotation: the candidate becomes CURRENT, the old CURRENT PREVIOUS. */
    public OptionalLong promote(SecretEntity secret, SecretVersionEntity candidate) {
        Instant now = clock.instant();
        candidate.becameCurrent(now);
        OptionalLong previous = labels.promote(secret.id(), candidate.version(), now);
        prune(secret);
        return previous;
    }

    /** Marks a candidate FAILED and takes its PENDING label away. */
    public void fail(SecretEntity secret, SecretVersionEntity candidate) {
        candidate.markFailed(clock.instant());
        labels.dropPending(secret.id(), candidate.version());
    }

    public OptionalLong current(UUID secretId) {
        return labels.version(secretId, StageLabel.CURRENT);
    }

    public byte[] decrypt(RootKeyring keyring, SecretEntity secret, SecretVersionEntity version) {
        return cipher.decrypt(keyring, secret.path(), version.version(), version.encrypted());
    }

    /**
     * Destroys the values of versions older than the newest {@code maxVersions}, except those a label or a pending
     * revocation still needs; their rows stay, so the history shows them. It reads every older version: for what
     * frees versions other than a write (a rotation's promotion, a revocation, a smaller {@code maxVersions}).
     */
    public void prune(SecretEntity secret) {
        entities.flush();
        if (destroyOld(secret.id(), secret.latestVersion(), secret.maxVersions(), clock.instant())) {
            refreshLoaded(secret.id());
        }
    }

    private boolean destroyOld(UUID secretId, long latestVersion, int maxVersions, Instant now) {
        long keepFrom = latestVersion - maxVersions + 1;
        return keepFrom > 1 && jdbc.update(PRUNE, at(now), secretId, keepFrom) > 0;
    }

    /**
     * Pruning on a write, without reading the secret's history: every version below the kept ones has already been
     * destroyed by the write, promotion, revocation or {@code configure} that moved it out or freed it, except
     * those a label or a pending revocation still keeps. So this write can only have freed the version that just
     * left the kept ones, and those that held a label before it (the old PREVIOUS, a superseded PENDING); a retired
     * credential is pruned when it is revoked. The full scan of {@link #prune} reads every older version, and on a
     * long history it cost a write more than everything else it does.
     */
    private void destroyFallenOff(LockedSecret secret, long written, Instant now) {
        long keepFrom = written - secret.maxVersions() + 1;
        Set<Long> freed = new TreeSet<>(secret.labels().values());
        freed.add(keepFrom - 1);
        freed.removeIf(version -> version < 1 || version >= keepFrom);
        if (freed.isEmpty()) {
            return;
        }
        Object[] arguments = new Object[2 + FREED_AT_MOST];
        arguments[0] = at(now);
        arguments[1] = secret.id();
        Long[] chosen = freed.toArray(Long[]::new);
        for (int i = 0; i < FREED_AT_MOST; i++) {
            // One statement text whatever the count, so it stays prepared: unused places repeat a version.
            arguments[2 + i] = chosen[Math.min(i, chosen.length - 1)];
        }
        jdbc.update(PRUNE_FREED, arguments);
    }

    /**
     * Re-reads the written secret's entities that the current transaction had loaded (none when the write has a
     * transaction of its own): statements changed their rows behind the persistence context's back.
     */
    private void refreshLoaded(UUID secretId) {
        Session session = entities.unwrap(Session.class);
        for (Object key : List.copyOf(session.getStatistics().getEntityKeys())) {
            EntityKey entityKey = (EntityKey) key;
            if (!OURS.contains(entityKey.getEntityName())) {
                continue;
            }
            Object entity = session.getReference(entityKey.getEntityName(), entityKey.getIdentifier());
            if (entity instanceof SecretEntity secret && secret.id().equals(secretId)
                    || entity instanceof SecretVersionEntity version && version.secretId().equals(secretId)) {
                session.refresh(entity);
            }
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
