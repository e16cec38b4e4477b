package dev.gantry.recovery.internal.tree;

import dev.gantry.recovery.ArchiveCorruptedException;
import dev.gantry.recovery.TreeEntry;
import dev.gantry.recovery.TreeInventory;
import dev.gantry.recovery.UnsafeArchiveEntryException;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Restores into a fresh temporary directory beside the target, then renames it into place. Symbolic links are
 * created last, after every file, so no file is ever written through a link; each link must stay inside the
 * tree both by its text and, once all exist, by its resolved path (links chained through other links).
 */
public final class TreeStreamRestorer {

    private final DataInputStream in;
    private final Path root;
    private final List<TreeEntry> entries = new ArrayList<>();
    private final List<TreeEntry> links = new ArrayList<>();
    private final FileWriting writing;

    private TreeStreamRestorer(InputStream in, Path root, FileWriting writing) {
        this.in = new DataInputStream(in);
        this.root = root;
        this.writing = writing;
    }

    public static TreeInventory restore(InputStream tree, Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        requireMissingOrEmpty(absolute);
        Path parent = absolute.getParent();
        if (parent == null) {
            throw new IOException("cannot restore into the file system root");
        }
        Files.createDirectories(parent);
        Path temp = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".restore-");
        var writing = new FileWriting();
        try {
            var restorer = new TreeStreamRestorer(tree, temp, writing);
            restorer.readAll();
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
            return new TreeInventory(restorer.entries);
        } catch (IOException | RuntimeException e) {
            // Nothing may still be writing into the directory that is about to be removed.
            writing.close();
            deleteTree(temp, e);
            throw e;
        }
    }

    private static void requireMissingOrEmpty(Path target) throws IOException {
        if (Files.isSymbolicLink(target)) {
            throw new IOException("restore target " + target + " is a symbolic link");
        }
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("restore target " + target + " exists and is not a directory");
        }
        try (Stream<Path> children = Files.list(target)) {
            if (children.findAny().isPresent()) {
                throw new DirectoryNotEmptyException("restore target " + target + " is not empty; restores never merge");
            }
        }
    }

    private void readAll() throws IOException {
        try {
            byte[] magic = in.readNBytes(TreeFormat.MAGIC.length);
            if (!Arrays.equals(magic, TreeFormat.MAGIC)) {
                throw new ArchiveCorruptedException("the backup does not hold a directory tree (bad tree magic)");
            }
            var directories = new ArrayList<TreeEntry>();
            while (true) {
                byte type = in.readByte();
                if (type == TreeFormat.END) {
                    int count = in.readInt();
                    if (count != entries.size()) {
                        throw new ArchiveCorruptedException("tree end declares " + count + " entries, " + entries.size() + " read");
                    }
                    break;
                }
                if (entries.size() >= TreeFormat.MAX_ENTRIES) {
                    throw new UnsafeArchiveEntryException("more than " + TreeFormat.MAX_ENTRIES + " entries");
                }
                switch (type) {
                    case TreeFormat.DIRECTORY -> {
                        String name = readString();
                        var entry = TreeEntry.directory(name, in.readInt());
                        Files.createDirectories(inside(name));
                        directories.add(entry);
                        entries.add(entry);
                    }
                    case TreeFormat.FILE -> entries.add(restoreFile(readString()));
                    case TreeFormat.SYMLINK -> {
                        String name = readString();
                        var entry = TreeEntry.symlink(name, readString());
                        inside(name);
                        links.add(entry);
                        entries.add(entry);
                    }
                    default -> throw new ArchiveCorruptedException("unknown tree entry type " + type
                            + " after " + entries.size() + " entries");
                }
            }
            if (in.read() != -1) {
                throw new ArchiveCorruptedException("unexpected data after the end of the tree");
            }
            writing.finish();
            createLinks();
            for (TreeEntry directory : directories.reversed()) {
                setMode(inside(directory.path()), directory.mode());
            }
        } catch (EOFException e) {
            throw new ArchiveCorruptedException("tree stream ends inside entry " + (entries.size() + 1));
        }
    }

    private TreeEntry restoreFile(String name) throws IOException {
        int mode = in.readInt();
        long size = in.readLong();
        if (size < 0) {
            throw new UnsafeArchiveEntryException("entry '" + name + "' declares a negative size");
        }
        Path path = inside(name);
        Files.createDirectories(path.getParent());
        var sha256 = TreeScan.sha256();
        FileWriting.OpenFile out = writing.open(FileChannel.open(path, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS));
        try {
            long remaining = size;
            while (remaining > 0) {
                byte[] buffer = writing.buffer();
                int wanted = (int) Math.min(buffer.length, remaining);
                int n = in.readNBytes(buffer, 0, wanted);
                if (n < wanted) {
                    throw new ArchiveCorruptedException("tree stream ends inside the content of '" + name + "'");
                }
                sha256.update(buffer, 0, n);
                writing.write(out, buffer, n);
                remaining -= n;
            }
        } finally {
            writing.release(out);
        }
        byte[] declared = new byte[32];
        in.readFully(declared);
        byte[] actual = sha256.digest();
        if (!Arrays.equals(declared, actual)) {
            throw new UnsafeArchiveEntryException("entry '" + name + "' does not match its declared size of " + size
                    + " bytes and SHA-256 (larger or different content)");
        }
        setMode(path, mode);
        return TreeEntry.file(name, mode, size, HexFormat.of().formatHex(actual));
    }

    private void createLinks() throws IOException {
        Path realRoot = root.toRealPath();
        for (TreeEntry link : links) {
            String target = link.linkTarget();
            Path at = inside(link.path());
            if (target == null || target.isEmpty() || target.indexOf('\0') >= 0 || target.startsWith("/")
                    || !dotDotsOnlyLeading(target)) {
                throw new UnsafeArchiveEntryException("symbolic link '" + link.path() + "' -> '" + target
                        + "' is absolute or not a plain relative path; refused");
            }
            Path resolved = at.getParent().resolve(target).normalize();
            if (!resolved.startsWith(root)) {
                throw new UnsafeArchiveEntryException("symbolic link '" + link.path() + "' -> '" + target
                        + "' points outside the restore target; refused");
            }
            Files.createDirectories(at.getParent());
            Path lexicalParent = realRoot.resolve(root.relativize(at.getParent()));
            if (!at.getParent().toRealPath().equals(lexicalParent)) {
                throw new UnsafeArchiveEntryException("symbolic link '" + link.path()
                        + "' would be created through another link; refused");
            }
            Files.createSymbolicLink(at, Path.of(target));
        }
        for (TreeEntry link : links) {
            Path at = inside(link.path());
            if (Files.exists(at) && !at.toRealPath().startsWith(realRoot)) {
                throw new UnsafeArchiveEntryException("symbolic link '" + link.path() + "' -> '" + link.linkTarget()
                        + "' resolves outside the restore target through other links; refused");
            }
        }
    }

    private static boolean dotDotsOnlyLeading(String target) {
        boolean leading = true;
        for (String segment : target.split("/", -1)) {
            if (segment.equals("..")) {
                if (!leading) {
                    return false;
                }
            } else {
                leading = false;
            }
        }
        return true;
    }

    /** The entry's place in the tree, refusing anything that is not a plain relative path staying inside. */
    private Path inside(String name) throws UnsafeArchiveEntryException {
        boolean plain = !name.isEmpty() && !name.startsWith("/") && name.indexOf('\\') < 0 && name.indexOf('\0') < 0;
        if (plain) {
            for (String segment : name.split("/", -1)) {
                if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                    plain = false;
                    break;
                }
            }
        }
        Path path = root.resolve(name).normalize();
        if (!plain || !path.startsWith(root) || path.equals(root)) {
            throw new UnsafeArchiveEntryException("entry '" + name + "' would be written outside the restore target "
                    + "(absolute path, '..' or empty segment); nothing was restored");
        }
        return path;
    }

    private String readString() throws IOException {
        int length = in.readUnsignedShort();
        if (length > TreeFormat.MAX_PATH_BYTES) {
            throw new UnsafeArchiveEntryException("a path of " + length + " bytes exceeds " + TreeFormat.MAX_PATH_BYTES);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void setMode(Path path, int mode) throws IOException {
        if (mode != 0 && Files.getFileStore(path).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(path, TreeScan.permissions(mode));
        }
    }

    private static void deleteTree(Path temp, Throwable failure) {
        try {
            Files.walkFileTree(temp, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    dir.toFile().setWritable(true, true);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
