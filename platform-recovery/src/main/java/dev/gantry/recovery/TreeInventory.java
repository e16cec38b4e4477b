package dev.gantry.recovery;

import dev.gantry.recovery.internal.tree.TreeScan;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What a restored tree must look like: every entry with its size and SHA-256, sorted by path. */
public record TreeInventory(List<TreeEntry> entries) {

    public TreeInventory {
        entries = List.copyOf(entries);
    }

    /** Reads a tree as it is on disk now, without following symbolic links. */
    public static TreeInventory scan(Path root) throws IOException {
        return new TreeInventory(TreeScan.entries(root));
    }

    public long totalFileBytes() {
        return entries.stream().mapToLong(TreeEntry::size).sum();
    }

    public TreeVerification verify(Path root) throws IOException {
        Map<String, TreeEntry> actual = scan(root).entries.stream()
                .collect(Collectors.toMap(TreeEntry::path, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        var differences = new ArrayList<String>();
        for (TreeEntry expected : entries) {
            TreeEntry found = actual.remove(expected.path());
            if (found == null) {
                differences.add("missing: " + expected.path());
            } else if (found.kind() != expected.kind()) {
                differences.add(expected.path() + " is a " + found.kind() + ", expected a " + expected.kind());
            } else if (found.size() != expected.size() || !Objects.equals(found.sha256(), expected.sha256())) {
                differences.add(expected.path() + " has " + found.size() + " bytes with another content than the "
                        + expected.size() + " bytes recorded");
            } else if (found.mode() != expected.mode()) {
                differences.add(expected.path() + " has mode " + Integer.toOctalString(found.mode()) + ", expected "
                        + Integer.toOctalString(expected.mode()));
            } else if (!Objects.equals(found.linkTarget(), expected.linkTarget())) {
                differences.add(expected.path() + " links to " + found.linkTarget() + ", expected " + expected.linkTarget());
            }
        }
        actual.keySet().forEach(path -> differences.add("unexpected: " + path));
        return differences.isEmpty() ? new TreeVerification.Matches(entries.size())
                : new TreeVerification.Differs(differences);
    }
}
