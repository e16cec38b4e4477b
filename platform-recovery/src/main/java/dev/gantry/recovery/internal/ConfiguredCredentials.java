package dev.gantry.recovery.internal;

import dev.gantry.domain.NotFoundException;
import dev.gantry.recovery.SourceCredentials;
import org.springframework.core.env.Environment;

/**
 * Passwords from configuration, {@code gantry.recovery.credentials.<name>.password} (an environment variable such
 * as {@code GANTRY_RECOVERY_CREDENTIALS_BILLING_PASSWORD} works too). Used unless the application supplies its own
 * {@link SourceCredentials}, such as the vault.
 */
final class ConfiguredCredentials implements SourceCredentials {

    private final Environment environment;

    ConfiguredCredentials(Environment environment) {
        this.environment = environment;
    }

    @Override
    public char[] password(String name) {
        String value = environment.getProperty("gantry.recovery.credentials." + name + ".password");
        if (value == null) {
            throw new NotFoundException("credential " + name);
        }
        return value.toCharArray();
    }
}
