package dev.gantry.domain.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The packs in docs/policies; surefire runs in the module directory, so the folder is one level up. */
final class ShippedPacks {

    static final Path FOLDER = Path.of("..", "docs", "policies");
    static final List<String> NAMES = List.of("acme", "straloo", "octoacme", "covenant", "audotics");

    private ShippedPacks() {
    }

    static PolicyPack load(String name) {
        return new PolicyPackLoader().load(FOLDER.resolve(name + ".yaml"));
    }

    static List<PolicyPack> all() {
        return NAMES.stream().map(ShippedPacks::load).toList();
    }

    static List<Path> files() {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
