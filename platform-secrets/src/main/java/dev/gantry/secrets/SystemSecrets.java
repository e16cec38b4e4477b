package dev.gantry.secrets;

import dev.gantry.domain.NotFoundException;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The vault as Gantry itself uses it, for work that runs on no one's behalf: a scheduled backup reading the
 * database password a plan names, the recovery module keeping its backup keys under {@link ReservedPaths}. Every
 * call acts as {@code system:<purpose>}, is audited as such by {@link SecretVault}, and needs the vault unsealed.
 *
 * <p>Reads reach any path; writes and listings only reserved ones, so Gantry never changes a person's secrets.
 * Whoever makes Gantry read a person's path must have checked first that they may read it themselves
 * ({@link SecretPolicies#capabilitiesOn}); the portal and the API never call this service.
 */
@Service
public class SystemSecrets {

    private static final Pattern PURPOSE = Pattern.compile("[a-z][a-z0-9-]{0,47}");

    private final SecretVault vault;
    private final TransactionTemplate ownTransaction;

    SystemSecrets(SecretVault vault, PlatformTransactionManager transactions) {
        this.vault = vault;
        // A transaction of its own: a secret that is not there yet, or a create-only write that lost a race, is an
        // answer for the caller and must not mark the caller's transaction (an escrow export, say) rollback-only.
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * @throws VaultSealedException if the vault is sealed
     * @throws NotFoundException    if there is no readable current version
     */
    public SecretRead read(String purpose, String path) {
        return as(purpose, () -> vault.read(path));
    }

    /** Writes a reserved path; {@code cas} as in {@link SecretVault#write}. */
    public SecretVersionInfo writeReserved(String purpose, String path, SecretValue value, @Nullable Long cas) {
        requireReserved(path);
        return as(purpose, () -> vault.write(path, value, cas));
    }

    /** The reserved secrets under {@code prefix} (itself reserved). */
    public List<SecretMetadata> listReserved(String purpose, String prefix) {
        if (!ReservedPaths.isReserved(prefix)) {
            throw new IllegalArgumentException("only reserved paths are listed as the system: " + prefix);
        }
        return as(purpose, () -> vault.list(prefix));
    }

    private static void requireReserved(String path) {
        if (!ReservedPaths.isReserved(SecretPath.parse(path).toString())) {
            throw new IllegalArgumentException("the system writes reserved paths only, not " + path);
        }
    }

    private <T> T as(String purpose, Supplier<T> work) {
        if (!PURPOSE.matcher(purpose).matches()) {
            throw new IllegalArgumentException("a purpose is lower-case letters, digits and hyphens");
        }
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new SystemAuthentication("system:" + purpose));
        SecurityContextHolder.setContext(context);
        try {
            return ownTransaction.execute(status -> work.get());
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
