package dev.gantry.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.gantry.recovery.ScratchSpec;
import dev.gantry.recovery.SourceSpec;

/**
 * Where a new backup plan writes and a new drill restores unless told otherwise: {@code data/backups/primary},
 * {@code data/backups/secondary} and {@code data/recovery-scratch} by default, as absolute paths.
 *
 * @param gantryOnH2 whether Gantry's own database is the embedded H2 (else PostgreSQL)
 */
public record RecoveryDefaults(Path primaryLocation, Path secondaryLocation, Path scratchDirectory,
                               boolean gantryOnH2) {

    /**
     * @throws IllegalStateException if a default location holds the backup keys: whoever can read a backup
     *                               location must not find the keys that open its archives there too
     */
    public static RecoveryDefaults of(Path primary, Path secondary, Path scratch, Path keys, String datasourceUrl) {
        Path keyDirectory = keys.toAbsolutePath().normalize();
        for (Path location : List.of(primary, secondary)) {
            if (keyDirectory.startsWith(location.toAbsolutePath().normalize())) {
                throw new IllegalStateException("The backup location " + location + " (gantry.recovery.locations) "
                        + "holds the backup keys in " + keys + " (gantry.recovery.key-dir); move one of them");
            }
        }
        return new RecoveryDefaults(primary.toAbsolutePath().normalize(), secondary.toAbsolutePath().normalize(),
                scratch.toAbsolutePath().normalize(), datasourceUrl.startsWith("jdbc:h2:"));
    }

    public List<String> locations() {
        return List.of(primaryLocation.toString(), secondaryLocation.toString());
    }

    /**
     * Where a drill of backups from this source restores by default: a new H2 file or directory under the scratch
     * directory. Empty for PostgreSQL, whose drills need a server to create their database on.
     */
    public Optional<ScratchSpec> scratchFor(SourceSpec source) {
        String parent = scratchDirectory.toString();
        return switch (source) {
            case SourceSpec.GantryDatabase g -> gantryOnH2 ? Optional.of(new ScratchSpec.NewH2File(parent))
                    : Optional.empty();
            case SourceSpec.PostgresDatabase p -> Optional.empty();
            case SourceSpec.DirectoryTree d -> Optional.of(new ScratchSpec.NewDirectory(parent));
            case SourceSpec.Command c -> Optional.of(new ScratchSpec.NewDirectory(parent));
        };
    }
}
