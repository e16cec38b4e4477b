package dev.gantry.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Where a new backup plan writes and a new drill restores unless told otherwise: {@code data/backups/primary},
 * {@code data/backups/secondary} and {@code data/recovery-scratch} by default, as absolute paths.
 */
public record RecoveryDefaults(Path primaryLocation, Path secondaryLocation, Path scratchDirectory) {

    /**
     * @throws IllegalStateException if a default location holds the backup keys: whoever can read a backup
     *                               location must not find the keys that open its archives there too
     */
    public static RecoveryDefaults of(Path primary, Path secondary, Path scratch, Path keys) {
        Path keyDirectory = keys.toAbsolutePath().normalize();
        for (Path location : List.of(primary, secondary)) {
            if (keyDirectory.startsWith(location.toAbsolutePath().normalize())) {
                throw new IllegalStateException("The backup location " + location + " (gantry.recovery.locations) "
                        + "holds the backup keys in " + keys + " (gantry.recovery.key-dir); move one of them");
            }
        }
        return new RecoveryDefaults(primary.toAbsolutePath().normalize(), secondary.toAbsolutePath().normalize(),
                scratch.toAbsolutePath().normalize());
    }

    public List<String> locations() {
        return List.of(primaryLocation.toString(), secondaryLocation.toString());
    }
}
