package dev.gantry.recovery;

/**
 * Where the passwords of databases Gantry backs up or restores into come from: configuration
 * ({@code gantry.recovery.credentials.<name>.password}) unless the application supplies another implementation
 * (the vault, for references {@code vault:<path>}). Implementations never log the value.
 */
public interface SourceCredentials {

    /**
     * The password stored under {@code name}; the caller wipes the array after use. Called by backups, drills and
     * restores as they run, scheduled ones included, so it must not depend on who started them.
     *
     * @throws dev.gantry.domain.NotFoundException if nothing is stored under that name
     */
    char[] password(String name);

    /**
     * Refuses a reference the current caller may not point Gantry at, when they save a plan or start a restore:
     * otherwise whoever may manage plans could have Gantry send any password it can read to a server of theirs.
     * Configured names are chosen by whoever configures Gantry, so by default every one is usable.
     *
     * @param field the input field that holds the reference, for the error
     * @throws dev.gantry.domain.InvalidInputException on {@code field} saying what is wrong
     */
    default void requireUsable(String name, String field) {
    }
}
