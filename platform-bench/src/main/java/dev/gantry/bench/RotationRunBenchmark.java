package dev.gantry.bench;

import dev.gantry.domain.Role;
import dev.gantry.secrets.RotationInterval;
import dev.gantry.secrets.RotationPolicy;
import dev.gantry.secrets.RotationRun;
import dev.gantry.secrets.RotationScope;
import dev.gantry.secrets.RotatorParameters;
import dev.gantry.secrets.SecretRead;
import dev.gantry.secrets.SecretRotation;
import dev.gantry.secrets.SecretValue;
import dev.gantry.secrets.SecretVault;
import dev.gantry.secrets.internal.rotators.ObservedPasswordRotator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Timeout;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Wall time of one {@link SecretRotation#runDue()} over {@code secrets} due secrets under the {@code password}
 * rotator, one in 1,000 of them refused by its target on purpose, while {@code readers} threads read random secrets
 * through the vault the whole time. A reader that ever sees a value that is neither the value written at set-up
 * nor a candidate that passed its test (a pending or a refused candidate) is a violation; the iteration fails if
 * there is one. Each iteration skips the clock past the interval, so all secrets are due again.
 *
 * <p>{@code -p database=postgres} runs on a fresh database of the PostgreSQL on 127.0.0.1:5432.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
// JMH interrupts an iteration after 10 minutes by default, and an interrupt closes H2's file channel mid-write.
@Timeout(time = 60, timeUnit = TimeUnit.MINUTES)
public class RotationRunBenchmark {

    private static final String PREFIX = "bench/rotation/prod/";
    private static final Duration INTERVAL = Duration.ofDays(30);

    @Param({"10000"})
    public int secrets;

    @Param({"2"})
    public int readers;

    @Param({"h2"})
    public String database;

    private Path dataDir;
    private String postgresDatabase;
    private ConfigurableApplicationContext context;
    private SecretVault vault;
    private SecretRotation rotation;
    private ObservedPasswordRotator rotator;
    private SecretsBenchApplication.AdjustableClock clock;
    private final Set<String> initial = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean reading = new AtomicBoolean();
    private final AtomicLong reads = new AtomicLong();
    private final AtomicLong violations = new AtomicLong();
    private final List<Thread> readerThreads = new ArrayList<>();
    private RotationRun lastRun;

    @Setup(Level.Trial)
    public void secretsWritten() throws IOException, SQLException {
        dataDir = Files.createTempDirectory("gantry-bench-rotation-");
        String url = "jdbc:h2:file:" + dataDir.resolve("gantry").toAbsolutePath() + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000;OPTIMIZE_REUSE_RESULTS=FALSE";
        if (database.equals("postgres")) {
            postgresDatabase = "gantry_bench_" + Long.toHexString(System.nanoTime());
            try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres",
                    "postgres", "")) {
                admin.createStatement().execute("create database " + postgresDatabase);
            }
            url = "jdbc:postgresql://127.0.0.1:5432/" + postgresDatabase;
        }
        context = SecretsBenchApplication.start(dataDir, url);
        vault = context.getBean(SecretVault.class);
        rotation = context.getBean(SecretRotation.class);
        rotator = context.getBean(ObservedPasswordRotator.class);
        clock = context.getBean(SecretsBenchApplication.AdjustableClock.class);
        long started = System.nanoTime();
        asSecretsAdmin(() -> {
            for (int i = 0; i < secrets; i++) {
                SecretValue value = SecretValue.of(("initial-" + i + "-" + Long.toHexString(
                        ThreadLocalRandom.current().nextLong())).toCharArray());
                initial.add(ObservedPasswordRotator.digest(value));
                vault.write(path(i), value, 0L);
            }
            rotation.setPolicy(new RotationPolicy(RotationScope.PREFIX, PREFIX, "password",
                    RotatorParameters.of("length", "32"), RotationInterval.of(Period.ofDays(30)), null,
                    Duration.ZERO, Duration.ZERO, true));
        });
        System.out.printf("%n%d secrets written in %.1f s%n", secrets, (System.nanoTime() - started) / 1e9);
    }

    @Setup(Level.Iteration)
    public void dueAndRead() {
        clock.skip(INTERVAL.plusDays(1));
        reads.set(0);
        violations.set(0);
        reading.set(true);
        for (int r = 0; r < readers; r++) {
            Thread reader = Thread.ofPlatform().name("reader-" + r).start(() -> asSecretsAdmin(this::readUntilStopped));
            readerThreads.add(reader);
        }
    }

    @Benchmark
    public RotationRun runDue() {
        lastRun = asSecretsAdmin(() -> {
            RotationRun[] run = new RotationRun[1];
            run[0] = rotation.runDue();
            return run[0];
        });
        return lastRun;
    }

    @TearDown(Level.Iteration)
    public void readersChecked() throws InterruptedException {
        reading.set(false);
        for (Thread reader : readerThreads) {
            reader.join();
        }
        readerThreads.clear();
        System.out.printf("%n%s; readers: %d reads, %d violations; refused candidates so far: %d%n", lastRun,
                reads.get(), violations.get(), rotator.refusals());
        if (violations.get() != 0) {
            throw new IllegalStateException(violations.get() + " reads saw a pending or refused value");
        }
        int refusedPaths = secrets / 1000;
        if (lastRun.rotated() != secrets - refusedPaths || lastRun.failed() != refusedPaths) {
            throw new IllegalStateException("expected " + (secrets - refusedPaths) + " rotated and "
                    + refusedPaths + " failed, got " + lastRun);
        }
    }

    @TearDown(Level.Trial)
    public void removed() throws IOException, SQLException {
        context.close();
        try (var files = Files.walk(dataDir)) {
            for (var path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
        if (postgresDatabase != null) {
            try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres",
                    "postgres", "")) {
                admin.createStatement().execute("drop database " + postgresDatabase);
            }
        }
    }

    private void readUntilStopped() {
        while (reading.get()) {
            SecretRead read = vault.read(path(ThreadLocalRandom.current().nextInt(secrets)));
            String digest = ObservedPasswordRotator.digest(read.value());
            read.value().wipe();
            reads.incrementAndGet();
            if (rotator.refused(digest) || !(initial.contains(digest) || rotator.accepted(digest))) {
                violations.incrementAndGet();
            }
        }
    }

    /** One in 1,000 paths ends in "-refused", so its target refuses every candidate. */
    private static String path(int i) {
        return PREFIX + "secret-" + i + (i % 1000 == 999 ? "-refused" : "");
    }

    private static <T> T asSecretsAdmin(java.util.function.Supplier<T> work) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("system:bench", null,
                List.of(new SimpleGrantedAuthority(Role.SECRETS_ADMIN.authority()))));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static void asSecretsAdmin(Runnable work) {
        asSecretsAdmin(() -> {
            work.run();
            return null;
        });
    }
}
