package dev.gantry.recovery;

import dev.gantry.domain.audit.AuditRecord;
import dev.gantry.domain.audit.AuditTrail;
import dev.gantry.recovery.internal.Actors;
import dev.gantry.recovery.internal.RecoveryPermissions;
import dev.gantry.recovery.internal.RecoveryPermissions.Operation;
import dev.gantry.recovery.internal.RecoveryPorts;
import dev.gantry.recovery.internal.keys.PassphraseEscrow;
import dev.gantry.recovery.internal.store.DrillStore;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exports the current backup key for escrow, wrapped under a passphrase (Argon2id, then AES-256-GCM), with the
 * manifest signing public key, so the escrow alone restores the backups written under that key. Gantry keeps only
 * the fact and the fingerprint of each export; the escrow text and its passphrase are kept by people, apart.
 */
@Service
public class KeyEscrow {

    public static final String METHOD = "argon2id-aes256gcm";

    private final RecoveryPorts ports;
    private final DrillStore drills;
    private final RecoveryPermissions permissions;
    private final AuditTrail audit;
    private final Clock clock;

    KeyEscrow(RecoveryPorts ports, DrillStore drills, RecoveryPermissions permissions, AuditTrail audit, Clock clock) {
        this.ports = ports;
        this.drills = drills;
        this.permissions = permissions;
        this.audit = audit;
        this.clock = clock;
    }

    /** @param passphrase at least 16 characters; the caller wipes it afterwards */
    @Transactional(noRollbackFor = AccessDeniedException.class)
    @PreAuthorize("isAuthenticated()")
    public EscrowedKey export(char[] passphrase) {
        // Checked before the key is fetched: where the vault keeps it, fetching is itself an audited read.
        permissions.require(Operation.ESCROW, "backup-key:current");
        BackupKey key = ports.keys().current();
        EscrowedKey escrowed = PassphraseEscrow.wrap(key, ports.keys().manifestPublicKey(), passphrase);
        drills.recordEscrow(UUID.randomUUID(), key.keyId(), METHOD, escrowed.fingerprint(), clock.instant(),
                Actors.current());
        audit.record(AuditRecord.success(Actors.current(), "recovery.key.escrowed", "backup-key:" + key.keyId(),
                Map.of("method", METHOD, "format", "2", "fingerprint", escrowed.fingerprint(),
                        "signingKey", escrowed.signingKeyFingerprint())));
        return escrowed;
    }
}
