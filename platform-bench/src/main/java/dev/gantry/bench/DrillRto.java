package dev.gantry.bench;

import dev.gantry.domain.Role;
import dev.gantry.recovery.BackupPlan;
import dev.gantry.recovery.BackupPlanDraft;
import dev.gantry.recovery.BackupPlans;
import dev.gantry.recovery.BackupPoint;
import dev.gantry.recovery.BackupService;
import dev.gantry.recovery.CheckResult;
import dev.gantry.recovery.DrillPlan;
import dev.gantry.recovery.DrillPlanDraft;
import dev.gantry.recovery.DrillPlans;
import dev.gantry.recovery.DrillReport;
import dev.gantry.recovery.DrillVerdict;
import dev.gantry.recovery.KeepRules;
import dev.gantry.recovery.LocationSpec;
import dev.gantry.recovery.RestoreDrills;
import dev.gantry.recovery.ScratchSpec;
import dev.gantry.recovery.SourceSpec;
import dev.gantry.recovery.Validation;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The achieved RTO of real restore drills ({@link RestoreDrills#runDrill}: pick the backup, restore it into a new
 * scratch target, run the validations, remove the target, record the evidence), next to the plain restore of the same
 * data without Gantry, in the same round. Three drills:
 *
 * <ul>
 *   <li>tree: the generated data set as a directory tree; checks: every file read back and its SHA-256 compared
 *       with the inventory recorded at backup; baseline {@code zstd -d | tar -x};</li>
 *   <li>postgres: a scratch PostgreSQL database created (and dropped) by the benchmark, dumped with
 *       {@code pg_dump -Fc}; checks: row counts of every table and a count query; baseline {@code pg_restore} of the
 *       same kind of dump into a new database (and {@code psql} of a plain dump);</li>
 *   <li>h2: Gantry's own H2 database grown by a table of the given size; checks: row counts of every table and a
 *       count query; baseline {@code RUNSCRIPT} of a plain {@code SCRIPT} into a new H2 file.</li>
 * </ul>
 *
 * <pre>java -cp benchmarks.jar dev.gantry.bench.DrillRto DATA_DIR WORK_DIR ROUNDS MIB PG_MIB H2_MIB</pre>
 */
public final class DrillRto {

    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    private static final String PG = "-h 127.0.0.1 -p 5432 -U postgres";
    /** Rows of about 190 bytes on disk in PostgreSQL with their primary key, about 120 in an H2 script. */
    private static final long PG_ROW_BYTES = 190;
    private static final long H2_ROW_BYTES = 120;

    private DrillRto() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 6) {
            throw new IllegalArgumentException("usage: DrillRto DATA_DIR WORK_DIR ROUNDS MIB PG_MIB H2_MIB");
        }
        Path data = Path.of(args[0]).toAbsolutePath();
        Path work = Path.of(args[1]).toAbsolutePath();
        int rounds = Integer.parseInt(args[2]);
        RecoveryDataSet.ensure(data, Integer.parseInt(args[3]));
        long pgRows = Long.parseLong(args[4]) * 1048576 / PG_ROW_BYTES;
        long h2Rows = Long.parseLong(args[5]) * 1048576 / H2_ROW_BYTES;
        Files.createDirectories(work);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String sourceDb = "gantry_bench_src_" + suffix;
        var drills = new ArrayList<Drill>();
        asAdmin();
        try (ConfigurableApplicationContext context = RecoveryBenchApplication.start(work.resolve("gantry"))) {
            var plans = context.getBean(BackupPlans.class);
            var backups = context.getBean(BackupService.class);
            var drillPlans = context.getBean(DrillPlans.class);
            var restoreDrills = context.getBean(RestoreDrills.class);
            Path archives = work.resolve("archives");
            Path scratch = Files.createDirectories(work.resolve("scratch"));

            // tree
            Path tarZst = work.resolve("base.tar.zst");
            shell("tar -cf - -C '" + data + "' . | zstd -3 -q -f -o '" + tarZst + "'");
            drills.add(new Drill("tree", prepare(plans, backups, drillPlans, "tree", new SourceSpec.DirectoryTree(data.toString()),
                    archives, new ScratchSpec.NewDirectory(scratch.toString()), List.of(new Validation.MatchesExpectation())),
                    List.of(new Baseline("zstd -d | tar -x", round -> {
                        Path into = work.resolve("base-tree-" + round);
                        double seconds = shell("mkdir '" + into + "' && zstd -d -q -c '" + tarZst + "' | tar -xf - -C '"
                                + into + "'");
                        shell("rm -rf '" + into + "'");
                        return seconds;
                    }))));

            // postgres
            if (pgRows > 0) {
                shell("psql -q " + PG + " -d postgres -c 'create database " + sourceDb + "'");
                shell("psql -q " + PG + " -d " + sourceDb + " -v ON_ERROR_STOP=1 <<'SQL'\n"
                        + "create table customers (id bigint primary key, name text not null, created timestamptz not null);\n"
                        + "insert into customers select g, 'customer ' || g, now() - g * interval '1 minute'"
                        + " from generate_series(1, 10000) g;\n"
                        + "create table orders (id bigint primary key, customer bigint not null references customers,"
                        + " placed timestamptz not null, amount numeric(12,2) not null, status text not null, note text not null);\n"
                        + "insert into orders select g, 1 + g % 10000, now() - g * interval '1 second', (g % 100000) / 100.0,"
                        + " (array['new','paid','shipped','returned'])[1 + g % 4], md5(g::text) || ' ' || md5((g * 7)::text)"
                        + " from generate_series(1, " + pgRows + ") g;\n"
                        + "analyze;\nSQL");
                OUT.printf("postgres: source database %s MiB on disk, %d rows in orders%n", output("psql -tA " + PG
                        + " -d postgres -c \"select pg_database_size('" + sourceDb + "') / 1048576\"").strip(), pgRows);
                Path custom = work.resolve("base.pgdump");
                Path plain = work.resolve("base.sql");
                shell("pg_dump -Fc " + PG + " -f '" + custom + "' " + sourceDb);
                shell("pg_dump " + PG + " -f '" + plain + "' " + sourceDb);
                drills.add(new Drill("postgres", prepare(plans, backups, drillPlans, "postgres",
                        new SourceSpec.PostgresDatabase("127.0.0.1", 5432, sourceDb, "postgres", "bench"), archives,
                        new ScratchSpec.NewPostgresDatabase("127.0.0.1", 5432, "postgres", "bench"),
                        List.of(new Validation.MatchesExpectation(), new Validation.SqlAssertion("orders",
                                "select count(*) from orders", Long.toString(pgRows)))),
                        List.of(new Baseline("pg_restore", round -> pgBaseline(suffix, round, "pg_restore --no-owner"
                                        + " --no-privileges --exit-on-error " + PG + " -d %s '" + custom + "'")),
                                new Baseline("psql plain", round -> pgBaseline(suffix, round,
                                        "psql -q -v ON_ERROR_STOP=1 " + PG + " -d %s -f '" + plain + "' > /dev/null")))));
            }

            // h2: Gantry's own database, grown
            if (h2Rows > 0) {
                DataSource dataSource = context.getBean(DataSource.class);
                try (Connection connection = dataSource.getConnection(); var statement = connection.createStatement()) {
                    statement.execute("create table bench_orders (id bigint primary key, customer bigint not null,"
                            + " amount numeric(12,2) not null, status varchar(16) not null, note varchar(80) not null)");
                    statement.execute("insert into bench_orders select x, 1 + mod(x, 10000), mod(x, 100000) / 100.0,"
                            + " casewhen(mod(x, 2) = 0, 'paid', 'shipped'), rawtohex(hash('SHA-256', cast(x as varchar)))"
                            + " from system_range(1, " + h2Rows + ")");
                }
                OUT.printf("h2: %d rows in bench_orders%n", h2Rows);
                Path script = work.resolve("base-h2.sql");
                try (Connection connection = dataSource.getConnection(); var statement = connection.createStatement()) {
                    statement.execute("SCRIPT TO '" + script + "'");
                }
                drills.add(new Drill("h2", prepare(plans, backups, drillPlans, "h2", new SourceSpec.GantryDatabase(),
                        archives, new ScratchSpec.NewH2File(scratch.toString()),
                        List.of(new Validation.MatchesExpectation(), new Validation.SqlAssertion("orders",
                                "select count(*) from bench_orders", Long.toString(h2Rows)))),
                        List.of(new Baseline("RUNSCRIPT", round -> {
                            Path file = work.resolve("base-h2-" + round);
                            long start = System.nanoTime();
                            try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + file, "sa", "");
                                 var statement = connection.createStatement()) {
                                statement.execute("RUNSCRIPT FROM '" + script + "'");
                            }
                            double seconds = (System.nanoTime() - start) / 1e9;
                            Files.deleteIfExists(Path.of(file + ".mv.db"));
                            return seconds;
                        }))));
            }

            for (Drill drill : drills) {
                OUT.printf("%s: backup of %.1f MiB plaintext, archive %.1f MiB%n", drill.name,
                        drill.point.bytesDone() / 1048576.0, drill.point.archiveBytes() / 1048576.0);
            }
            OUT.println();
            OUT.println("round load1 | drill     RTO s  restore s  checks s | baseline          s  ratio (baseline / RTO)");
            for (int round = 1; round <= rounds; round++) {
                for (Drill drill : drills) {
                    double load = loadAverage();
                    var baselineSeconds = new ArrayList<Double>();
                    for (Baseline baseline : drill.baselines) {
                        baselineSeconds.add(baseline.run.seconds(round));
                    }
                    DrillReport report = restoreDrills.runDrill(drill.plan.id());
                    if (!(report.verdict() instanceof DrillVerdict.Passed) || report.rtoAchieved() == null) {
                        throw new IllegalStateException(drill.name + " drill did not pass: " + report.verdict()
                                + " " + report.checks());
                    }
                    double rto = report.rtoAchieved().toMillis() / 1000.0;
                    double restore = report.checks().getFirst().took().toMillis() / 1000.0;
                    double checks = report.checks().stream().skip(1).map(CheckResult::took)
                            .mapToDouble(d -> d.toMillis() / 1000.0).sum();
                    drill.rtos.add(rto);
                    for (int i = 0; i < drill.baselines.size(); i++) {
                        drill.baselines.get(i).seconds.add(baselineSeconds.get(i));
                        OUT.printf(Locale.ROOT, "%5s %5.2f | %-8s %6s %10s %9s | %-16s %6.2f  %.2f%n",
                                i == 0 ? Integer.toString(round) : "", load, i == 0 ? drill.name : "",
                                i == 0 ? String.format(Locale.ROOT, "%.2f", rto) : "",
                                i == 0 ? String.format(Locale.ROOT, "%.2f", restore) : "",
                                i == 0 ? String.format(Locale.ROOT, "%.2f", checks) : "",
                                drill.baselines.get(i).name, baselineSeconds.get(i), baselineSeconds.get(i) / rto);
                    }
                }
            }
            OUT.println();
            OUT.printf("median of %d rounds:%n", rounds);
            for (Drill drill : drills) {
                double rto = median(drill.rtos);
                var line = new StringBuilder(String.format(Locale.ROOT, "  %-8s RTO %.2f s (%.2f-%.2f)", drill.name, rto,
                        drill.rtos.stream().mapToDouble(d -> d).min().orElseThrow(),
                        drill.rtos.stream().mapToDouble(d -> d).max().orElseThrow()));
                for (Baseline baseline : drill.baselines) {
                    double base = median(baseline.seconds);
                    line.append(String.format(Locale.ROOT, "; %s %.2f s, ratio %.2f", baseline.name, base, base / rto));
                }
                OUT.println(line);
            }
        } finally {
            SecurityContextHolder.clearContext();
            if (pgRows > 0) {
                shell("psql -q " + PG + " -d postgres -c 'drop database if exists " + sourceDb + "'");
            }
        }
    }

    private static DrillPlanWithPoint prepare(BackupPlans plans, BackupService backups, DrillPlans drillPlans, String name,
            SourceSpec source, Path archives, ScratchSpec scratch, List<Validation> validations) {
        BackupPlan plan = plans.create(new BackupPlanDraft("bench-" + name, "Benchmark " + name, "bench-" + name,
                source, "0 0 * * * *", List.of(new LocationSpec.Directory(archives.resolve(name).toString())),
                KeepRules.everything(), null, null, Duration.ofMinutes(10)));
        BackupPoint point = backups.runPlan(plan.id());
        return new DrillPlanWithPoint(drillPlans.create(new DrillPlanDraft("bench-" + name + "-drill", plan.id(),
                "0 0 3 * * MON", DrillPlanDraft.Selection.LATEST, null, scratch, validations, Duration.ofHours(1))), point);
    }

    /** Restores into a new database and drops it again; only the restore is timed. */
    private static double pgBaseline(String suffix, int round, String command) throws Exception {
        String database = "gantry_bench_base_" + suffix + "_" + round;
        shell("psql -q " + PG + " -d postgres -c 'create database " + database + "'");
        try {
            return shell(String.format(Locale.ROOT, command, database));
        } finally {
            shell("psql -q " + PG + " -d postgres -c 'drop database if exists " + database + "'");
        }
    }

    private static void asAdmin() {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("system:bench", null,
                List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
        SecurityContextHolder.setContext(context);
    }

    /** Runs a bash command and returns its wall time in seconds. */
    private static double shell(String command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder("bash", "-c", "set -eo pipefail\n" + command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IOException("'" + command + "' exited with " + exit);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static String output(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-c", command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("'" + command + "' failed");
        }
        return out;
    }

    private static double loadAverage() throws IOException {
        return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(d -> d).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    interface Timed {
        double seconds(int round) throws Exception;
    }

    private record Baseline(String name, Timed run, List<Double> seconds) {
        Baseline(String name, Timed run) {
            this(name, run, new ArrayList<>());
        }
    }

    private record Drill(String name, DrillPlan plan, BackupPoint point, List<Baseline> baselines, List<Double> rtos) {
        Drill(String name, DrillPlanWithPoint prepared, List<Baseline> baselines) {
            this(name, prepared.plan(), prepared.point(), baselines, new ArrayList<>());
        }
    }

    private record DrillPlanWithPoint(DrillPlan plan, BackupPoint point) {
    }
}
