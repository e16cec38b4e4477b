package dev.gantry.config;

import java.nio.file.Path;
import java.util.Map;

import dev.gantry.domain.ConflictException;
import dev.gantry.domain.audit.AuditRecord;
import dev.gantry.domain.audit.AuditTrail;
import dev.gantry.secrets.SealStatus;
import dev.gantry.secrets.UnsealMode;
import dev.gantry.secrets.VaultSeal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How this node's vault is unsealed ({@code gantry.secrets.unseal.mode}), checked at start-up so a misspelt mode
 * stops Gantry instead of leaving the vault sealed without saying why, and the unseal from the key file that a
 * secrets administrator asks for after sealing a key-file node by hand (the vault itself does it only at start-up).
 */
@Component
public class VaultUnsealing {

    private final VaultSeal seal;
    private final AuditTrail audit;
    private final UnsealMode mode;
    private final Path keyFile;

    VaultUnsealing(VaultSeal seal, AuditTrail audit, @Value("${gantry.secrets.unseal.mode:key-file}") String mode,
                   @Value("${gantry.secrets.unseal.key-file}") Path keyFile) {
        this.seal = seal;
        this.audit = audit;
        this.mode = switch (mode.strip()) {
            case "key-file" -> UnsealMode.KEY_FILE;
            case "shamir" -> UnsealMode.SHAMIR;
            default -> throw new IllegalStateException("gantry.secrets.unseal.mode is '" + mode
                    + "'; use key-file (the default) or shamir");
        };
        this.keyFile = keyFile;
    }

    /** The configured mode; the vault's own mode ({@link SealStatus#mode()}) is what it was initialised with. */
    public UnsealMode configuredMode() {
        return mode;
    }

    /**
     * Unseals this node from its key file again, e.g. after an administrator sealed it.
     *
     * @throws ConflictException (field {@code mode}) if this node or the vault unseals with shares
     */
    @Transactional
    @PreAuthorize("hasRole('SECRETS_ADMIN')")
    public SealStatus unsealFromKeyFile() {
        if (mode != UnsealMode.KEY_FILE) {
            // Otherwise an uninitialised vault would quietly be initialised with a key file instead of shares.
            throw new ConflictException("mode", "this node unseals with shares (gantry.secrets.unseal.mode=shamir); "
                    + "submit shares instead");
        }
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        audit.record(AuditRecord.success(who.getName(), "secrets.vault.unseal-requested", "secrets:vault",
                Map.of("mode", UnsealMode.KEY_FILE.name())));
        return seal.unsealFromKeyFile(keyFile);
    }
}
