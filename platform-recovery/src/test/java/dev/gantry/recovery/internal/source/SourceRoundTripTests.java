package dev.gantry.recovery.internal.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.access.testing.TestDatabases;
import dev.gantry.recovery.BackupKey;
import dev.gantry.recovery.BackupReader;
import dev.gantry.recovery.BackupSource;
import dev.gantry.recovery.BackupWriter;
import dev.gantry.recovery.CheckResult;
import dev.gantry.recovery.DirectoryLocation;
import dev.gantry.recovery.ManifestSigning;
import dev.gantry.recovery.RestoreExpectation;
import dev.gantry.recovery.Validation;
import dev.gantry.recovery.internal.process.WorkWindow;
import dev.gantry.recovery.internal.target.H2ScratchDatabase;
import dev.gantry.recovery.internal.target.PostgresScratchDatabase;
import dev.gantry.recovery.internal.target.ScratchDirectory;
import dev.gantry.recovery.internal.target.ScratchTarget;
import dev.gantry.recovery.internal.target.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of source, backed up into a real archive and restored into a new scratch target from it. */
class SourceRoundTripTests {

    static final BackupKey KEY = BackupKey.of("round-trip", new byte[32]);
    static final KeyPair SIGNING = ManifestSigning.newKeyPair();
    static final AtomicInteger ARCHIVES = new AtomicInteger();
    static final PostgresTools PATH_TOOLS = new PostgresTools("");

    @TempDir
    Path dir;

    @Test
    void anH2DatabaseComesBackInANewFileWithItsRowsSequencesAndUsers() throws Exception {
        JdbcDataSource source = h2(dir.resolve("source/gantry"));
        try (Connection db = source.getConnection(); var sql = db.createStatement()) {
            sql.execute("create sequence invoice_numbers start with 1000");
            sql.execute("create table customer (id bigint primary key, name varchar(100) not null, photo blob)");
            sql.execute("create table invoice (id bigint primary key, customer_id bigint references customer(id), "
                    + "amount decimal(12,2), note varchar(200))");
            sql.execute("insert into customer values (1, 'Zoë O''Neil', X'00ff10'), (2, 'line\nbreak; drop', null)");
            for (int i = 0; i < 500; i++) {
                sql.execute("insert into invoice values (next value for invoice_numbers, " + (1 + i % 2) + ", "
                        + i + ".25, 'semi;colon ''" + i + "''')");
            }
        }

        var restored = new H2ScratchDatabase(dir.resolve("scratch-h2"));
        RestoreExpectation expectation = roundTrip(new H2ScriptSource(source, dir.resolve("work")), restored);

        assertThat(expectation).isEqualTo(new RestoreExpectation.TableRows(
                Map.of("PUBLIC.CUSTOMER", 2L, "PUBLIC.INVOICE", 500L)));
        assertThat(validate(restored, expectation, new Validation.MatchesExpectation(),
                new Validation.SqlAssertion("paid total", "select sum(amount) from invoice", "124875.00"),
                new Validation.SqlAssertion("names", "select name from customer where id = 1", "Zoë O'Neil")))
                .allMatch(CheckResult::passed);
        try (Connection db = restored.connect(); var sql = db.createStatement();
             var next = sql.executeQuery("select next value for invoice_numbers")) {
            next.next();
            assertThat(next.getLong(1)).as("the sequence continues").isEqualTo(1500);
        }
        try (Connection asOwner = DriverManager.getConnection(restored.jdbcUrl(), "sa", "source-password")) {
            assertThat(asOwner.isValid(1)).as("the source's own users come back").isTrue();
        }
        restored.cleanup();
        assertThat(dir.resolve("scratch-h2")).doesNotExist();
    }

    @Test
    void aPostgresDatabaseDumpedByPgDumpComesBackThroughPgRestoreIntoANewDatabase() throws Exception {
        String url = TestDatabases.freshPostgresDatabase();
        try (Connection db = DriverManager.getConnection(url); var sql = db.createStatement()) {
            sql.execute("create schema billing");
            sql.execute("create table billing.invoice (id serial primary key, amount numeric(12,2), tags text[])");
            sql.execute("insert into billing.invoice (amount, tags) select g * 1.5, array['a', 'b'] "
                    + "from generate_series(1, 2000) g");
            sql.execute("create table public.audit (id bigint primary key, payload jsonb)");
            sql.execute("insert into public.audit values (1, '{\"k\": \"v\"}')");
        }
        PgConnection connection = PgConnection.fromJdbcUrl(url, "");
        var scratch = new PostgresScratchDatabase(connection.withDatabase("postgres"),
                "drill_roundtrip_" + ARCHIVES.incrementAndGet() + "_" + ProcessHandle.current().pid(), new char[0],
                PATH_TOOLS);

        RestoreExpectation expectation = roundTrip(new PostgresDumpSource(connection, () -> new char[0], PATH_TOOLS),
                scratch);
        try {
            assertThat(expectation).isEqualTo(new RestoreExpectation.TableRows(
                    Map.of("billing.invoice", 2000L, "public.audit", 1L)));
            assertThat(validate(scratch, expectation, new Validation.MatchesExpectation(),
                    new Validation.SqlAssertion("sum", "select sum(amount) from billing.invoice", "3001500"),
                    new Validation.SqlAssertion("json", "select payload->>'k' from audit", "v"),
                    new Validation.CommandCheck("psql sees it", List.of("psql", "-tAc",
                            "select 1 from billing.invoice limit 1")))).allMatch(CheckResult::passed);
        } finally {
            scratch.cleanup();
        }
        try (Connection admin = connection.withDatabase("postgres").open(new char[0], "test");
             var sql = admin.createStatement();
             var rows = sql.executeQuery("select count(*) from pg_database where datname = '" + scratch.name() + "'")) {
            rows.next();
            assertThat(rows.getInt(1)).as("the scratch database is dropped").isZero();
        }
    }

    @Test
    void thePasswordReachesPgDumpOnlyThroughAnOwnerOnlyPasswordFile() throws Exception {
        String url = TestDatabases.freshPostgresDatabase();
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path seen = dir.resolve("seen.txt");
        Path fakeDump = bin.resolve("pg_dump");
        Files.writeString(fakeDump, """
                #!/bin/sh
                { echo "ARGS $*"; echo "ENV $(env | grep -c 'Hunter2-secret')"; \
                  echo "MODE $(stat -c %%a "$PGPASSFILE")"; echo "FILE $(cat "$PGPASSFILE")"; } > %s
                printf 'dump-bytes'
                """.formatted(seen));
        Files.setPosixFilePermissions(fakeDump, PosixFilePermissions.fromString("rwx------"));

        var source = new PostgresDumpSource(PgConnection.fromJdbcUrl(url, ""), "Hunter2-secret:x"::toCharArray,
                new PostgresTools(bin.toString()));
        source.writeTo(java.io.OutputStream.nullOutputStream());

        List<String> lines = Files.readAllLines(seen);
        assertThat(lines.get(0)).startsWith("ARGS --format=custom").doesNotContain("Hunter2");
        assertThat(lines.get(1)).isEqualTo("ENV 0");
        assertThat(lines.get(2)).isEqualTo("MODE 600");
        assertThat(lines.get(3)).isEqualTo("FILE *:*:*:*:Hunter2-secret\\:x");
        assertThat(Files.list(Path.of(System.getProperty("java.io.tmpdir")))
                .filter(p -> p.getFileName().toString().startsWith("gantry-pg-"))
                .filter(p -> Files.exists(p.resolve("pgpass")))).as("the password file is removed").isEmpty();
    }

    @Test
    void aDirectoryTreeComesBackWithEveryFileAndItsDigest() throws Exception {
        Path tree = Files.createDirectories(dir.resolve("tree/etc/conf.d"));
        Files.writeString(tree.resolve("app.yaml"), "replicas: 3\n");
        Files.write(dir.resolve("tree/data.bin"), new byte[300_000]);
        Files.createSymbolicLink(dir.resolve("tree/current"), Path.of("etc"));

        var scratch = new ScratchDirectory(dir.resolve("scratch-tree"));
        RestoreExpectation expectation = roundTrip(new TreeSource(dir.resolve("tree")), scratch);

        assertThat(((RestoreExpectation.TreeFiles) expectation).inventory().entries()).hasSize(5);
        assertThat(validate(scratch, expectation, new Validation.MatchesExpectation(),
                new Validation.CommandCheck("config present", List.of("test", "-s", "etc/conf.d/app.yaml"))))
                .allMatch(CheckResult::passed);
        Files.writeString(dir.resolve("scratch-tree/etc/conf.d/app.yaml"), "replicas: 1\n");
        assertThat(validate(scratch, expectation, new Validation.MatchesExpectation()).getFirst().detail())
                .contains("etc/conf.d/app.yaml has 12 bytes with another content");
    }

    @Test
    void aCommandsStandardOutputComesBackByteForByte() throws Exception {
        var source = new CommandStreamSource(List.of("sh", "-c", "seq 1 200000; printf 'end'"), dir);
        var scratch = new ScratchDirectory(dir.resolve("scratch-stream"));

        RestoreExpectation expectation = roundTrip(source, scratch);

        var stream = (RestoreExpectation.StreamBytes) expectation;
        assertThat(stream.bytes()).isEqualTo(Files.size(scratch.directory().resolve("stream"))).isGreaterThan(1_000_000);
        assertThat(validate(scratch, expectation, new Validation.MatchesExpectation())).allMatch(CheckResult::passed);
        assertThat(Files.readString(scratch.directory().resolve("stream"))).startsWith("1\n2\n").endsWith("200000\nend");
    }

    @Test
    void aCommandThatFailsFailsTheBackupAndPublishesNothing() throws Exception {
        var source = new CommandStreamSource(List.of("sh", "-c", "printf partial; exit 3"), dir);
        var location = new DirectoryLocation(dir.resolve("location"));
        var writer = BackupWriter.create("failing", KEY, SIGNING.getPrivate(), Clock.systemUTC(), List.of(location));

        assertThatThrownBy(() -> source.writeTo(writer)).hasMessage("command sh exited with 3");
        writer.abort();

        assertThat(location.list()).isEmpty();
    }

    private RestoreExpectation roundTrip(BackupSource source, ScratchTarget target) throws Exception {
        var location = new DirectoryLocation(dir.resolve("location"));
        String name = "archive-" + ARCHIVES.incrementAndGet();
        RestoreExpectation expectation;
        try (var writer = BackupWriter.create(name, KEY, SIGNING.getPrivate(), Clock.systemUTC(), List.of(location))) {
            expectation = source.writeTo(writer);
        }
        var window = new WorkWindow(Duration.ofMinutes(2));
        window.run(() -> {
            try (var in = BackupReader.open(location, name, KEY, SIGNING.getPublic())) {
                target.restore(in, source.format(), window);
            }
            return null;
        });
        return expectation;
    }

    private static List<CheckResult> validate(ScratchTarget target, RestoreExpectation expectation,
            Validation... validations) {
        var validator = new Validator();
        var window = new WorkWindow(Duration.ofMinutes(1));
        return java.util.Arrays.stream(validations).map(v -> validator.run(v, target, expectation, window)).toList();
    }

    private static JdbcDataSource h2(Path file) {
        var source = new JdbcDataSource();
        source.setURL("jdbc:h2:file:" + file + ";WRITE_DELAY=0");
        source.setUser("sa");
        source.setPassword("source-password");
        return source;
    }

}
