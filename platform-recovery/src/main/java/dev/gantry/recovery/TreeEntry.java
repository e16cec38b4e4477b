package dev.gantry.recovery;

import org.jspecify.annotations.Nullable;

/**
 * One entry of a directory tree: its '/'-separated path relative to the root, kind, POSIX permission bits, and
 * for files the size and SHA-256, for symbolic links the target.
 */
public record TreeEntry(String path, Kind kind, int mode, long size, @Nullable String sha256, @Nullable String linkTarget) {

    public enum Kind { DIRECTORY, FILE, SYMLINK }

    public static TreeEntry directory(String path, int mode) {
        return new TreeEntry(path, Kind.DIRECTORY, mode, 0, null, null);
    }

    public static TreeEntry file(String path, int mode, long size, String sha256) {
        return new TreeEntry(path, Kind.FILE, mode, size, sha256, null);
    }

    public static TreeEntry symlink(String path, String target) {
        return new TreeEntry(path, Kind.SYMLINK, 0, 0, null, target);
    }
}
