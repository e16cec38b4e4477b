package dev.gantry.secrets.internal.scan;

import dev.gantry.domain.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The directories whose repositories may be scanned ({@code gantry.secrets.scan.allowed-roots}). A scan reads
 * every file of a history, so a path typed by an administrator must not reach the rest of the node's disk: it is
 * resolved ({@code ..} and symbolic links, {@link Path#toRealPath}) before it is compared with the roots, resolved
 * the same way. With no root configured, scans are off.
 */
@Component
public class ScanRoots {

    public static final String SETTING = "gantry.secrets.scan.allowed-roots";

    private final List<Path> roots;

    public ScanRoots(@Value("${" + SETTING + ":}") List<String> roots) {
        var paths = new ArrayList<Path>();
        for (String root : roots) {
            if (root.isBlank()) {
                continue;
            }
            Path path = Path.of(root.strip());
            if (!path.isAbsolute()) {
                throw new IllegalArgumentException(SETTING + " takes absolute directories, not " + root);
            }
            paths.add(path.normalize());
        }
        this.roots = List.copyOf(paths);
    }

    /**
     * @return the real path of the repository directory, inside one of the roots
     * @throws InvalidInputException (field {@code repository}) if scans are off, the path leaves the roots, or no
     *                               directory is there
     */
    public Path admit(Path requested) {
        if (roots.isEmpty()) {
            throw new InvalidInputException("repository", "repository scans are off on this node: no directory "
                    + "is allowed; set " + SETTING + " to the directories whose repositories may be scanned");
        }
        Path absolute = requested.toAbsolutePath().normalize();
        Path real;
        try {
            real = absolute.toRealPath();
        } catch (IOException e) {
            // Nothing there (or not readable): say so only for a path inside the roots, so the answer does not
            // tell what exists elsewhere on the node.
            throw new InvalidInputException("repository", inside(absolute)
                    ? "no directory at " + absolute : outside(absolute));
        }
        if (!inside(real)) {
            throw new InvalidInputException("repository", outside(absolute));
        }
        if (!Files.isDirectory(real)) {
            throw new InvalidInputException("repository", "no directory at " + absolute);
        }
        return real;
    }

    private boolean inside(Path path) {
        for (Path root : roots) {
            Path realRoot;
            try {
                realRoot = root.toRealPath();
            } catch (IOException e) {
                // A root that is not there (yet) allows nothing.
                continue;
            }
            if (path.startsWith(realRoot)) {
                return true;
            }
        }
        return false;
    }

    private String outside(Path path) {
        return path + " is outside the directories allowed for scans ("
                + roots.stream().map(Path::toString).collect(Collectors.joining(", ")) + "; " + SETTING + ")";
    }
}
