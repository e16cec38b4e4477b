package dev.gantry.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.access.testing.ScratchDirectories;
import dev.gantry.secrets.testing.PrivatePostgres;
import dev.gantry.secrets.testing.RecordingAuditConfiguration;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * kill -9 of a node between set and finish: the database user's password really changed, the vault still says
 * CURRENT is the old one. A new node converges at start to the credential the database accepts. The vault's own
 * database is chosen by the subclasses; the rotated user lives on a PostgreSQL that checks passwords.
 */
abstract class RotationCrashIntegrationTests {

    static PrivatePostgres target;

    @BeforeAll
    static void startTarget() throws Exception {
        target = PrivatePostgres.start();
    }

    @AfterAll
    static void stopTarget() throws Exception {
        if (target != null) {
            target.close();
        }
    }

    /** The vault's database URL for both JVMs. */
    abstract String vaultDatabase(Path dir);

    @Test
    void aNodeKilledBetweenSetAndFinishConvergesOnRestartToThePasswordTheDatabaseAccepts() throws Exception {
        Path dir = ScratchDirectories.create("gantry-rotation-crash");
        String database = vaultDatabase(dir);
        String user = "crashed_" + Long.toHexString(System.nanoTime());
        target.createUser(user, "before-the-Crash-1");
        List<String> common = List.of("--spring.datasource.url=" + database,
                "--gantry.secrets.unseal.mode=key-file",
                "--gantry.secrets.unseal.key-file=" + dir.resolve("keys/unseal.key"),
                "--spring.main.banner-mode=off", "--logging.level.root=warn");

        Process child = child(common, dir, user);
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
                if (line.startsWith("SET ")) {
                    child.toHandle().destroyForcibly();
                }
            }
        }
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(lines).as(Files.readString(dir.resolve("child.log"))).contains("READY", "ROTATING", "SET 2");
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        assertThatThrownBy(() -> login(user, "before-the-Crash-1")).as("the target really changed")
                .isInstanceOf(SQLException.class);

        List<String> args = new ArrayList<>(common);
        args.add("--gantry.test.clock-start=2026-11-22T16:00:00Z");
        try (ConfigurableApplicationContext restarted = new SpringApplication(
                SecretsTestApplication.class, RecordingAuditConfiguration.class)
                .run(args.toArray(String[]::new))) {
            JdbcTemplate jdbc = restarted.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForList("select label || '=' || version from secret_stage", String.class))
                    .containsExactlyInAnyOrder("CURRENT=2", "PREVIOUS=1");
            String current = SecretRotationIntegrationTests.runAs("system:check", () -> new String(
                    restarted.getBean(SecretVault.class).read(RotationCrashMain.PATH).value().chars()),
                    "ROLE_SECRETS_ADMIN");
            login(user, current).close();
            assertThat(jdbc.queryForObject("select step from secret_rotation", String.class)).isNull();
        }
    }

    private static Connection login(String user, String password) throws SQLException {
        return DriverManager.getConnection(target.url(), user, password);
    }

    private static Process child(List<String> common, Path dir, String user) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                "-cp", System.getProperty("java.class.path"), RotationCrashMain.class.getName()));
        command.addAll(common);
        command.addAll(List.of("--target.url=" + target.url(), "--target.user=" + user,
                "--target.password=before-the-Crash-1"));
        return new ProcessBuilder(command).redirectError(dir.resolve("child.log").toFile()).start();
    }
}
