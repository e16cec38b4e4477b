package dev.gantry.recovery.internal.tree;

import dev.gantry.recovery.TreeEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Lists a tree in a stable order (sorted by path) and describes each entry, never following links. */
public final class TreeScan {

    private TreeScan() {
    }

    public static List<Path> paths(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> !p.equals(root)).sorted().toList();
        }
    }

    public static List<TreeEntry> entries(Path root) throws IOException {
        var entries = new ArrayList<TreeEntry>();
        for (Path path : paths(root)) {
            String name = relative(root, path);
            if (Files.isSymbolicLink(path)) {
                entries.add(TreeEntry.symlink(name, Files.readSymbolicLink(path).toString()));
            } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                entries.add(TreeEntry.directory(name, mode(path)));
            } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                var sha256 = sha256();
                long size = 0;
                try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
                    byte[] buffer = new byte[64 * 1024];
                    for (int n; (n = in.read(buffer)) >= 0; ) {
                        sha256.update(buffer, 0, n);
                        size += n;
                    }
                }
                entries.add(TreeEntry.file(name, mode(path), size, HexFormat.of().formatHex(sha256.digest())));
            }
        }
        return entries;
    }

    public static String relative(Path root, Path path) {
        var parts = new ArrayList<String>();
        root.relativize(path).forEach(p -> parts.add(p.toString()));
        return String.join("/", parts);
    }

    public static int mode(Path path) throws IOException {
        if (!Files.getFileStore(path).supportsFileAttributeView("posix")) {
            return 0;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        int mode = 0;
        for (PosixFilePermission permission : permissions) {
            mode |= 1 << (8 - permission.ordinal());
        }
        return mode;
    }

    public static Set<PosixFilePermission> permissions(int mode) {
        var permissions = java.util.EnumSet.noneOf(PosixFilePermission.class);
        for (PosixFilePermission permission : PosixFilePermission.values()) {
            if ((mode & (1 << (8 - permission.ordinal()))) != 0) {
                permissions.add(permission);
            }
        }
        return permissions;
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
