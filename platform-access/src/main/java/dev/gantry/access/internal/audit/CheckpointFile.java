package dev.gantry.access.internal.audit;

import dev.gantry.access.AuditCheckpoint;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The copy of every checkpoint kept outside the database, one JSON object per line, only ever appended to and
 * forced to disk before the checkpoint's transaction commits. Someone who can rewrite the database but not this
 * file cannot make the trail agree with its last signed checkpoint again.
 */
@Component
public class CheckpointFile {

    static final String FILE_NAME = "audit-checkpoints.jsonl";

    /** Far longer than any line this class writes; a longer last line is not ours. */
    private static final int TAIL_BYTES = 16 * 1024;

    private final Path file;

    public CheckpointFile(@Value("${gantry.audit.checkpoint-dir:./data/audit}") Path directory) {
        this.file = directory.resolve(FILE_NAME);
    }

    public Path path() {
        return file;
    }

    public synchronized void append(AuditCheckpoint checkpoint) {
        try {
            var created = !Files.exists(file);
            if (created) {
                Files.createDirectories(file.getParent());
            }
            try (var channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                var buffer = ByteBuffer.wrap((line(checkpoint) + "\n").getBytes(StandardCharsets.UTF_8));
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            if (created) {
                forceDirectory();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not append the audit checkpoint to " + file, e);
        }
    }

    public LastCheckpoint last() {
        if (!Files.exists(file)) {
            return new LastCheckpoint.None();
        }
        try (var raf = new RandomAccessFile(file.toFile(), "r")) {
            var length = raf.length();
            if (length == 0) {
                return new LastCheckpoint.None();
            }
            var start = Math.max(0, length - TAIL_BYTES);
            var tail = new byte[(int) (length - start)];
            raf.seek(start);
            raf.readFully(tail);
            var text = new String(tail, StandardCharsets.UTF_8);
            if (!text.endsWith("\n")) {
                return new LastCheckpoint.Unreadable("its last line is incomplete");
            }
            var body = text.substring(0, text.length() - 1);
            var lineStart = body.lastIndexOf('\n') + 1;
            if (lineStart == 0 && start > 0) {
                return new LastCheckpoint.Unreadable("its last line is too long to be a checkpoint");
            }
            return parse(body.substring(lineStart));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the audit checkpoint file " + file, e);
        }
    }

    static String line(AuditCheckpoint checkpoint) {
        var fields = new TreeMap<String, String>();
        fields.put("hash", checkpoint.hash());
        fields.put("keyId", checkpoint.keyId());
        fields.put("signature", checkpoint.signature());
        fields.put("time", AuditChain.format(checkpoint.time()));
        var json = FlatJson.write(fields);
        // seq as a number first, so the file reads naturally; the signature covers the values, not the layout.
        return "{\"seq\":" + checkpoint.seq() + "," + json.substring(1);
    }

    static LastCheckpoint parse(String line) {
        try {
            var fields = FlatJson.parse(line);
            var seq = Long.parseLong(require(fields.get("seq"), "seq"));
            var checkpoint = new AuditCheckpoint(seq, require(fields.get("hash"), "hash"),
                    Instant.parse(require(fields.get("time"), "time")), require(fields.get("signature"), "signature"),
                    require(fields.get("keyId"), "keyId"));
            return new LastCheckpoint.Found(checkpoint);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return new LastCheckpoint.Unreadable("its last line is not a checkpoint (" + e.getMessage() + ")");
        }
    }

    private static String require(@Nullable String value, String name) {
        if (value == null) {
            throw new IllegalArgumentException("missing " + name);
        }
        return value;
    }

    /** A new file's name is durable only once its directory is synced (Linux); other systems refuse, harmlessly. */
    private void forceDirectory() {
        try (var directory = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException e) {
            // Not supported on this platform; the file content itself is already forced.
        }
    }

    /** What the file's last line says. */
    public sealed interface LastCheckpoint {
        record None() implements LastCheckpoint {
        }

        record Found(AuditCheckpoint checkpoint) implements LastCheckpoint {
        }

        record Unreadable(String why) implements LastCheckpoint {
        }
    }
}
