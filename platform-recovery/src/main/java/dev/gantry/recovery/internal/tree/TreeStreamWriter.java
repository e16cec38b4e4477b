package dev.gantry.recovery.internal.tree;

import dev.gantry.recovery.TreeEntry;
import dev.gantry.recovery.TreeInventory;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;

/** Writes a tree in path order; files are read once, hashed while copied, their SHA-256 following the bytes. */
public final class TreeStreamWriter {

    private TreeStreamWriter() {
    }

    public static TreeInventory write(Path root, OutputStream sink) throws IOException {
        var out = new DataOutputStream(sink);
        out.write(TreeFormat.MAGIC);
        var entries = new ArrayList<TreeEntry>();
        byte[] buffer = new byte[64 * 1024];
        for (Path path : TreeScan.paths(root)) {
            String name = TreeScan.relative(root, path);
            if (Files.isSymbolicLink(path)) {
                String target = Files.readSymbolicLink(path).toString();
                out.writeByte(TreeFormat.SYMLINK);
                writeString(out, name);
                writeString(out, target);
                entries.add(TreeEntry.symlink(name, target));
            } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                int mode = TreeScan.mode(path);
                out.writeByte(TreeFormat.DIRECTORY);
                writeString(out, name);
                out.writeInt(mode);
                entries.add(TreeEntry.directory(name, mode));
            } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                entries.add(writeFile(out, path, name, buffer));
            }
        }
        out.writeByte(TreeFormat.END);
        out.writeInt(entries.size());
        out.flush();
        return new TreeInventory(entries);
    }

    private static TreeEntry writeFile(DataOutputStream out, Path path, String name, byte[] buffer) throws IOException {
        int mode = TreeScan.mode(path);
        long size = Files.size(path);
        out.writeByte(TreeFormat.FILE);
        writeString(out, name);
        out.writeInt(mode);
        out.writeLong(size);
        var sha256 = TreeScan.sha256();
        long remaining = size;
        try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
            while (remaining > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (n < 0) {
                    throw new IOException(name + " shrank while it was being backed up; back it up from a snapshot");
                }
                sha256.update(buffer, 0, n);
                out.write(buffer, 0, n);
                remaining -= n;
            }
            if (in.read() >= 0) {
                throw new IOException(name + " grew while it was being backed up; back it up from a snapshot");
            }
        }
        byte[] digest = sha256.digest();
        out.write(digest);
        return TreeEntry.file(name, mode, size, HexFormat.of().formatHex(digest));
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > TreeFormat.MAX_PATH_BYTES) {
            throw new IOException("path longer than " + TreeFormat.MAX_PATH_BYTES + " bytes: " + value);
        }
        out.writeShort(bytes.length);
        out.write(bytes);
    }
}
