package dev.gantry.secrets.internal.store;

import dev.gantry.secrets.StageLabel;
import dev.gantry.secrets.internal.crypto.EnvelopeCipher;
import dev.gantry.secrets.internal.crypto.RootKeyring;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes versions and moves their labels, for the vault's own writes and for rotation alike, inside the caller's
 * transaction (which holds the secret's row lock).
 */
@Component
public class VersionStore {

    private final SecretVersions versions;
    private final StageLabels labels;
    private final EnvelopeCipher cipher;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    VersionStore(SecretVersions versions, StageLabels labels, EnvelopeCipher cipher, JdbcTemplate jdbc, Clock clock) {
        this.versions = versions;
        this.labels = labels;
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Writes the next version and makes it CURRENT (the old CURRENT becomes PREVIOUS). A rotation candidate still
     * PENDING is superseded: it is marked FAILED, since finishing it would overwrite what was just written.
     */
    public SecretVersionEntity appendCurrent(SecretEntity secret, RootKeyring keyring, byte[] plaintext, String by) {
        Instant now = clock.instant();
        Map<StageLabel, Long> before = labels.all(secret.id());
        Long pending = before.get(StageLabel.PENDING);
        if (pending != null) {
            versions.findBySecretIdAndVersion(secret.id(), pending).ifPresent(candidate -> candidate.markFailed(now));
            labels.dropPending(secret.id(), pending);
        }
        SecretVersionEntity written = insert(secret, keyring, plaintext, by, now, true);
        labels.promoteNew(secret.id(), written.version(), before.get(StageLabel.CURRENT), now);
        prune(secret);
        return written;
    }

    /** Writes the next version as a PENDING candidate that no reader sees. */
    public SecretVersionEntity appendCandidate(SecretEntity secret, RootKeyring keyring, byte[] plaintext, String by) {
        Instant now = clock.instant();
        SecretVersionEntity written = insert(secret, keyring, plaintext, by, now, false);
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
     * revocation still needs. Runs on every write, so it reads nothing while no version is old enough, and then
     * only the old versions that still hold a value.
     */
    public void prune(SecretEntity secret) {
        long keepFrom = secret.latestVersion() - secret.maxVersions() + 1;
        if (keepFrom <= 1) {
            return;
        }
        List<SecretVersionEntity> old = versions.findBySecretIdAndVersionLessThanAndDestroyedAtIsNull(secret.id(),
                keepFrom);
        if (old.isEmpty()) {
            return;
        }
        Set<Long> needed = new HashSet<>(labels.all(secret.id()).values());
        needed.addAll(jdbc.queryForList("select version from secret_retired_version where secret_id = ? "
                + "and revoked_at is null", Long.class, secret.id()));
        Instant now = clock.instant();
        for (SecretVersionEntity version : old) {
            if (!needed.contains(version.version())) {
                version.destroy(now);
            }
        }
    }

    /** With {@code current}, the row is inserted as CURRENT already, rather than inserted and then updated. */
    private SecretVersionEntity insert(SecretEntity secret, RootKeyring keyring, byte[] plaintext, String by,
            Instant now, boolean current) {
        long next = secret.advance(now, by);
        SecretVersionEntity version = new SecretVersionEntity(secret.id(), next,
                cipher.encrypt(keyring, secret.path(), next, plaintext), now, by);
        if (current) {
            version.becameCurrent(now);
        }
        SecretVersionEntity written = versions.saveAndFlush(version);
        jdbc.update("insert into secret_version_read (version_id, last_read_at) values (?, null)", written.id());
        return written;
    }
}
