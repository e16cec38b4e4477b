package dev.gantry.secrets;

import dev.gantry.domain.ConflictException;
import dev.gantry.domain.InvalidInputException;
import dev.gantry.domain.audit.AuditRecord;
import dev.gantry.domain.audit.AuditTrail;
import dev.gantry.secrets.internal.Actors;
import dev.gantry.secrets.internal.crypto.EnvelopeCipher;
import dev.gantry.secrets.internal.crypto.RootKeyring;
import dev.gantry.secrets.internal.export.ExportKeyEntity;
import dev.gantry.secrets.internal.export.ExportKeys;
import dev.gantry.secrets.internal.rewrap.RewrapRunEntity;
import dev.gantry.secrets.internal.rewrap.RewrapRuns;
import dev.gantry.secrets.internal.rewrap.StoredDataKeys;
import dev.gantry.secrets.internal.seal.SealState;
import dev.gantry.secrets.internal.seal.SealedKeyring;
import dev.gantry.secrets.internal.store.SecretEntity;
import dev.gantry.secrets.internal.store.SecretVersionEntity;
import dev.gantry.secrets.internal.store.Secrets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * After a root key rotation, moves every stored data key (and the vault's internal keys) under the newest root key
 * version, in batches, so that the older versions can be retired with {@link #raiseMinDecryptionVersion}.
 *
 * <p>A batch is one transaction that locks the rows it rewraps; the progress lives in the rows themselves (their key
 * version), so a batch cut short by a crash leaves nothing half-done and the next batch simply picks up what is left.
 * Values stay readable throughout: older root key versions are kept until the minimum decryption version is raised.
 * Call {@link #runBatch()} from a scheduled job or a background executor until {@link RewrapStatus#complete()}.
 */
@Service
public class RootKeyRewrap {

    public static final int DEFAULT_BATCH = 100;
    public static final int MAX_BATCH = 1_000;
    private static final String TARGET = "secrets:vault";

    private final SealState state;
    private final SealedKeyring keyring;
    private final StoredDataKeys dataKeys;
    private final ExportKeys exportKeys;
    private final Secrets secrets;
    private final RewrapRuns runs;
    private final EnvelopeCipher cipher;
    private final AuditTrail audit;
    private final Clock clock;

    RootKeyRewrap(SealState state, SealedKeyring keyring, StoredDataKeys dataKeys, ExportKeys exportKeys,
            Secrets secrets, RewrapRuns runs, EnvelopeCipher cipher, AuditTrail audit, Clock clock) {
        this.state = state;
        this.keyring = keyring;
        this.dataKeys = dataKeys;
        this.exportKeys = exportKeys;
        this.secrets = secrets;
        this.runs = runs;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    /** Where the rewrap to the newest root key version stands. @throws VaultSealedException while sealed */
    @Transactional
    @PreAuthorize("hasAnyRole('SECRETS_ADMIN', 'AUDITOR')")
    public RewrapStatus status() {
        return status(state.keyring().latest());
    }

    /** Rewraps up to {@value #DEFAULT_BATCH} stored keys; see {@link #runBatch(int)}. */
    @Transactional
    @PreAuthorize("hasRole('SECRETS_ADMIN')")
    public RewrapStatus runBatch() {
        return runBatch(DEFAULT_BATCH);
    }

    /**
     * Rewraps up to {@code maxKeys} stored keys that are still wrapped by an older root key version, in one
     * transaction, and returns the progress after it. Idempotent: with nothing left to do it changes nothing.
     *
     * @throws VaultSealedException while sealed
     */
    @Transactional
    @PreAuthorize("hasRole('SECRETS_ADMIN')")
    public RewrapStatus runBatch(int maxKeys) {
        if (maxKeys < 1 || maxKeys > MAX_BATCH) {
            throw new InvalidInputException("maxKeys", "a batch rewraps 1 to " + MAX_BATCH + " keys");
        }
        RootKeyring current = state.keyring().latest();
        int target = current.currentVersion();
        RewrapRunEntity run = runs.findById(target).orElse(null);
        if (run == null) {
            run = runs.save(new RewrapRunEntity(target, clock.instant(), actor()));
            audit.record(AuditRecord.success(actor(), "secrets.root-key.rewrap-started", TARGET,
                    Map.of("targetKeyVersion", Integer.toString(target))));
        }
        int values = rewrapValues(current, target, maxKeys);
        int internal = values < maxKeys ? rewrapExportKeys(current, target, maxKeys - values) : 0;
        if (values + internal > 0) {
            audit.record(AuditRecord.success(actor(), "secrets.root-key.rewrapped", TARGET, Map.of(
                    "targetKeyVersion", Integer.toString(target),
                    "dataKeys", Integer.toString(values),
                    "internalKeys", Integer.toString(internal))));
        }
        RewrapStatus status = status(current);
        if (status.complete() && run.finishedAt() == null) {
            run.finish(clock.instant());
            audit.record(AuditRecord.success(actor(), "secrets.root-key.rewrap-completed", TARGET, Map.of(
                    "targetKeyVersion", Integer.toString(target),
                    "keys", Long.toString(status.total()))));
            return status(current);
        }
        return status;
    }

    /**
     * Refuses root key versions below {@code version} from now on. Allowed only once nothing stored is wrapped by
     * such a version any more, i.e. after the rewrap to a version at least this high is complete.
     *
     * @throws InvalidInputException (field {@code version}) if it would lower the minimum or name a version that does
     *                               not exist
     * @throws ConflictException     (field {@code version}) while stored keys still need an older version
     */
    @Transactional
    @PreAuthorize("hasRole('SECRETS_ADMIN')")
    public RewrapStatus raiseMinDecryptionVersion(int version) {
        state.keyring();
        keyring.lockConfig();
        RootKeyring current = state.keyring().latest();
        if (version <= current.minDecryptionVersion()) {
            throw new InvalidInputException("version", "the minimum decryption version is already "
                    + current.minDecryptionVersion() + "; it can only be raised");
        }
        if (version > current.currentVersion()) {
            throw new InvalidInputException("version", "there is no root key version " + version
                    + "; the newest is " + current.currentVersion());
        }
        long needing = dataKeys.countBelow(version) + exportKeys.countBelow(version);
        if (needing > 0) {
            RewrapStatus status = status(current);
            throw new ConflictException("version", needing + " stored keys are still wrapped by root key versions "
                    + "below " + version + "; let the rewrap finish first (" + status.done() + " of "
                    + status.total() + " done)");
        }
        int previous = current.minDecryptionVersion();
        RootKeyring raised = keyring.raiseMinDecryptionVersion(version);
        audit.record(AuditRecord.success(actor(), "secrets.root-key.min-decryption-raised", TARGET, Map.of(
                "from", Integer.toString(previous), "to", Integer.toString(version))));
        return status(raised);
    }

    private int rewrapValues(RootKeyring current, int target, int max) {
        List<SecretVersionEntity> rows = dataKeys.lockBelow(target, PageRequest.of(0, max));
        if (rows.isEmpty()) {
            return 0;
        }
        Map<UUID, String> paths = secrets.findAllById(rows.stream().map(SecretVersionEntity::secretId).distinct()
                .toList()).stream().collect(Collectors.toMap(SecretEntity::id, SecretEntity::path));
        int rewrapped = 0;
        for (SecretVersionEntity row : rows) {
            Integer keyVersion = row.keyVersion();
            // The lock waited for any concurrent change, so check again what the query selected.
            if (keyVersion != null && keyVersion < target && !row.destroyed()) {
                row.rewrapped(cipher.rewrap(current, paths.get(row.secretId()), row.version(), row.encrypted()));
                rewrapped++;
            }
        }
        return rewrapped;
    }

    private int rewrapExportKeys(RootKeyring current, int target, int max) {
        List<ExportKeyEntity> rows = exportKeys.lockBelow(target, PageRequest.of(0, max));
        for (ExportKeyEntity row : rows) {
            row.rewrapped(cipher.rewrapKey(current, row.label(), row.privateKey()));
        }
        return rows.size();
    }

    private RewrapStatus status(RootKeyring current) {
        int target = current.currentVersion();
        long total = dataKeys.countStored() + exportKeys.count();
        long pending = dataKeys.countBelow(target) + exportKeys.countBelow(target);
        int lowest = Math.min(dataKeys.lowestKeyVersion().orElse(target), exportKeys.lowestKeyVersion().orElse(target));
        var run = runs.findById(target);
        return new RewrapStatus(target, total, total - pending, current.minDecryptionVersion(), lowest,
                run.map(RewrapRunEntity::startedAt).orElse(null),
                run.map(RewrapRunEntity::finishedAt).orElse(null));
    }

    private static String actor() {
        return Actors.current("system:secrets");
    }
}
