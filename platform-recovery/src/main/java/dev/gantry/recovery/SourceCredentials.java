package dev.gantry.recovery;

/**
 * Where the passwords of databases Gantry backs up or restores into come from. Today configuration
 * ({@code gantry.recovery.credentials.<name>.password}); later the vault. Implementations never log the value.
 */
public interface SourceCredentials {

    /**
     * The password stored under {@code name}; the caller wipes the array after use.
     *
     * @throws dev.gantry.domain.NotFoundException if nothing is stored under that name
     */
    char[] password(String name);
}
