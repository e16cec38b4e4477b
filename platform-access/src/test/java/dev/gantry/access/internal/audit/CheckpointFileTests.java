package dev.gantry.access.internal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.access.AuditCheckpoint;
import dev.gantry.access.internal.audit.CheckpointFile.LastCheckpoint;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointFileTests {

    @TempDir
    Path dir;

    @Test
    void withoutAFileThereIsNoCheckpoint() {
        assertThat(new CheckpointFile(dir.resolve("audit")).last()).isInstanceOf(LastCheckpoint.None.class);
    }

    @Test
    void checkpointsAreAppendedAsLinesAndTheLastOneIsRead() throws Exception {
        var file = new CheckpointFile(dir.resolve("audit"));
        var first = checkpoint(10);
        var second = checkpoint(25);

        file.append(first);
        file.append(second);

        assertThat(Files.readAllLines(file.path())).hasSize(2)
                .first().asString().startsWith("{\"seq\":10,\"hash\":");
        assertThat(file.last()).isEqualTo(new LastCheckpoint.Found(second));
    }

    @Test
    void aTornOrForeignLastLineIsReportedNotSkipped() throws Exception {
        var file = new CheckpointFile(dir);
        file.append(checkpoint(10));

        Files.writeString(file.path(), "{\"seq\":11,\"ha", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        assertThat(file.last()).isInstanceOf(LastCheckpoint.Unreadable.class);

        Files.writeString(file.path(), "\n{\"seq\":\"eleven\"}\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        assertThat(file.last()).isInstanceOf(LastCheckpoint.Unreadable.class);
    }

    private static AuditCheckpoint checkpoint(long seq) {
        return new AuditCheckpoint(seq, "ab".repeat(32), Instant.parse("2026-11-22T12:00:00.000001Z"), "c2lnbmF0dXJl",
                "0123456789abcdef");
    }
}
