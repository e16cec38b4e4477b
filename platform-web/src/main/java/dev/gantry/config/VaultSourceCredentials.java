package dev.gantry.config;

import dev.gantry.domain.InvalidInputException;
import dev.gantry.domain.NotFoundException;
import dev.gantry.recovery.SourceCredentials;
import dev.gantry.secrets.SecretCapability;
import dev.gantry.secrets.SecretPath;
import dev.gantry.secrets.SecretPolicies;
import dev.gantry.secrets.SecretValue;
import dev.gantry.secrets.SystemSecrets;
import org.springframework.core.env.Environment;

/**
 * Database passwords for backups, drills and restores: {@code vault:<team/service/environment/name>} names a secret
 * in the vault, anything else a configured password ({@code gantry.recovery.credentials.<name>.password}), the form
 * plans had before the vault, which keeps working. Whoever saves a plan naming a vault path must be allowed to read
 * that secret themselves; the backup then reads it as {@code system:recovery-credentials} whenever it runs,
 * scheduled or not. The value goes from the vault's copy straight into the array handed to the caller, who wipes it.
 */
final class VaultSourceCredentials implements SourceCredentials {

    static final String PREFIX = "vault:";
    static final String PURPOSE = "recovery-credentials";

    private final SystemSecrets vault;
    private final SecretPolicies policies;
    private final Environment environment;

    VaultSourceCredentials(SystemSecrets vault, SecretPolicies policies, Environment environment) {
        this.vault = vault;
        this.policies = policies;
        this.environment = environment;
    }

    @Override
    public char[] password(String name) {
        if (!name.startsWith(PREFIX)) {
            String value = environment.getProperty("gantry.recovery.credentials." + name + ".password");
            if (value == null) {
                throw new NotFoundException("credential " + name);
            }
            return value.toCharArray();
        }
        SecretValue value = vault.read(PURPOSE, name.substring(PREFIX.length())).value();
        try {
            return value.chars();
        } finally {
            value.wipe();
        }
    }

    @Override
    public void requireUsable(String name, String field) {
        if (!name.startsWith(PREFIX)) {
            return;
        }
        String path;
        try {
            path = SecretPath.parse(name.substring(PREFIX.length())).toString();
        } catch (InvalidInputException badPath) {
            throw new InvalidInputException(field, "after vault: comes a secret path: " + badPath.getMessage());
        }
        if (!policies.capabilitiesOn(path).contains(SecretCapability.READ)) {
            throw new InvalidInputException(field, "you may not read " + path + " in the vault, so a plan of yours "
                    + "cannot use it; ask for read access to it or name a secret you may read");
        }
    }
}
