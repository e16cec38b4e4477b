package dev.gantry.secrets.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A throw-away PostgreSQL server of its own, started as a child process, that asks every TCP connection for a
 * password (SCRAM-SHA-256): the machine's shared server trusts local connections, so a password test there would
 * prove nothing. Started as the {@code postgres} user when running as root. Skipped (or failed on CI) when no
 * PostgreSQL binaries are installed.
 */
public final class PrivatePostgres implements AutoCloseable {

    public static final String SUPERUSER_PASSWORD = "private-superuser-Pw-2026";

    private final Path dir;
    private final Process server;
    private final int port;

    private PrivatePostgres(Path dir, Process server, int port) {
        this.dir = dir;
        this.server = server;
        this.port = port;
    }

    public static PrivatePostgres start() throws Exception {
        Path bin = binaries();
        Path dir = Files.createTempDirectory("gantry-private-pg");
        Path data = dir.resolve("data");
        Path passwordFile = dir.resolve("pw");
        Files.writeString(passwordFile, SUPERUSER_PASSWORD + "\n");
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            handToPostgres(dir);
            handToPostgres(passwordFile);
        }
        run(command(root, bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres",
                "--auth-host=scram-sha-256", "--auth-local=trust", "--pwfile=" + passwordFile, "-E", "UTF8",
                "--no-sync"), dir.resolve("initdb.log"));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process server = new ProcessBuilder(command(root, bin.resolve("postgres").toString(), "-D", data.toString(),
                "-p", Integer.toString(port), "-k", dir.toString(), "-c", "listen_addresses=127.0.0.1",
                "-c", "fsync=off", "-c", "password_encryption=scram-sha-256"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile()).start();
        PrivatePostgres postgres = new PrivatePostgres(dir, server, port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (Connection ignored = postgres.superuser()) {
                return postgres;
            } catch (SQLException notYet) {
                if (System.nanoTime() > deadline || !server.isAlive()) {
                    postgres.close();
                    throw new IllegalStateException("the private PostgreSQL did not start", notYet);
                }
                Thread.sleep(100);
            }
        }
    }

    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public Connection superuser() throws SQLException {
        return DriverManager.getConnection(url(), "postgres", SUPERUSER_PASSWORD);
    }

    /** Creates a login role with {@code password}. */
    public void createUser(String name, String password) throws SQLException {
        try (Connection connection = superuser()) {
            connection.createStatement().execute("create role " + name + " login password '" + password + "'");
        }
    }

    @Override
    public void close() throws Exception {
        server.destroy();
        if (!server.waitFor(20, TimeUnit.SECONDS)) {
            server.destroyForcibly();
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private static Path binaries() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        Path found = null;
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                found = versions.map(version -> version.resolve("bin")).filter(bin -> Files.isExecutable(
                        bin.resolve("postgres"))).max(Comparator.naturalOrder()).orElse(null);
            }
        }
        if (found == null) {
            String reason = "no PostgreSQL server binaries under /usr/lib/postgresql";
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(reason + " (CI must run the PostgreSQL tests)");
            }
            Assumptions.abort(reason);
        }
        return found;
    }

    private static List<String> command(boolean root, String... command) {
        List<String> full = new ArrayList<>();
        if (root) {
            full.addAll(List.of("setpriv", "--reuid=postgres", "--regid=postgres", "--clear-groups"));
        }
        full.addAll(List.of(command));
        return full;
    }

    private static void run(List<String> command, Path log) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("'" + command + "' failed: " + Files.readString(log));
        }
    }

    private static void handToPostgres(Path path) throws IOException {
        UserPrincipalLookupService lookup = path.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal user = lookup.lookupPrincipalByName("postgres");
        GroupPrincipal group = lookup.lookupPrincipalByGroupName("postgres");
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        view.setOwner(user);
        view.setGroup(group);
    }
}
