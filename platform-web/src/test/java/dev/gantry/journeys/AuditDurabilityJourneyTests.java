package dev.gantry.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a running Gantry: every change whose commit was acknowledged is still there afterwards, with its audit
 * entry, and the hash chain verifies. The child is killed with SIGKILL through its process handle, so the last
 * acknowledgements it printed are not lost in a closed pipe.
 */
class AuditDurabilityJourneyTests {

    private static final int ACKS_BEFORE_KILL = 150;

    @TempDir
    Path data;

    @Test
    void noAcknowledgedAuditEntryIsLostWhenGantryIsKilled() throws Exception {
        Process writer = child("write");
        List<String> acknowledged = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(writer.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    acknowledged.add(line.substring(4));
                    if (acknowledged.size() == ACKS_BEFORE_KILL) {
                        writer.toHandle().destroyForcibly();
                    }
                }
            }
        }
        assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(writer.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKS_BEFORE_KILL);

        Set<String> audited = new HashSet<>();
        try (Connection db = DriverManager.getConnection(
                "jdbc:h2:file:" + data.resolve("db/gantry") + ";WRITE_DELAY=0", "gantry", "");
             ResultSet rows = db.createStatement().executeQuery(
                     "select target from access_audit_entry where action = 'team.created'")) {
            while (rows.next()) {
                audited.add(rows.getString(1).substring("team:".length()));
            }
        }
        assertThat(audited).containsAll(acknowledged);

        Process verifier = child("verify");
        String output = new String(verifier.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(verifier.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(output).contains("RESULT Intact[");
    }

    private Process child(String mode) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = Files.createTempFile(data, mode, ".log");
        return new ProcessBuilder(java.toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                AuditWriterMain.class.getName(), "--mode=" + mode, "--gantry.data-dir=" + data,
                "--server.port=" + port, "--GANTRY_ADMIN_PASSWORD=durability-Test-2026",
                "--spring.main.banner-mode=off", "--logging.level.root=warn")
                .redirectError(log.toFile())
                .start();
    }
}
