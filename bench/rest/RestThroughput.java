import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop load on a running Gantry: C virtual threads each send one request after the other, for a fixed time,
 * through one java.net.http client, so every phase has the same concurrency and the same client cost.
 *
 * <p>Phases, in each round: the baseline {@code GET /api/v1/policy} (token authentication and a small JSON answer
 * from memory), {@code GET /api/v1/secrets/data/<path>} of a random one of N secrets (policy check, decryption,
 * an audit entry) and {@code PUT} of a new version of a random one (encryption, a new version row, an audit entry).
 * Rounds alternate the phases so a change of load on the shared machine touches all of them alike. The first
 * rounds (two unless told) warm the JIT and are not reported: after one, the baseline still doubled from round to
 * round, so its ratios compared a half-compiled server with itself.
 *
 * <p>Usage: {@code java RestThroughput.java <base-url> <token-file> <secrets> <concurrency> <seconds> <rounds>
 * [warm-up rounds]}
 */
public final class RestThroughput {

    private record Phase(String name, int ok, int failed, double perSecond, long p50Micros, long p99Micros,
                         double serverCpuMicrosPerRequest, java.util.Map<String, Double> cpuMicrosPerRequestByThread) {
    }

    /** The server's process, to read its CPU time around each phase; none if the script did not say. */
    private static final java.util.Optional<ProcessHandle> SERVER = java.util.Optional
            .ofNullable(System.getProperty("bench.server-pid")).flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)));

    private static final String PREFIX = "/api/v1/secrets/data/payments/bench/prod/secret-";

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = Files.readString(Path.of(args[1])).strip();
        int secrets = Integer.parseInt(args[2]);
        int concurrency = Integer.parseInt(args[3]);
        Duration length = Duration.ofSeconds(Long.parseLong(args[4]));
        int rounds = Integer.parseInt(args[5]);
        int warmUps = args.length > 6 ? Integer.parseInt(args[6]) : 2;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();

        long started = System.nanoTime();
        AtomicLong next = new AtomicLong();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < concurrency; w++) {
                pool.submit(() -> {
                    for (long i; (i = next.getAndIncrement()) < secrets; ) {
                        int status = send(http, put(base, token, i)).statusCode();
                        if (status != 200) {
                            throw new IllegalStateException("writing secret " + i + " answered " + status);
                        }
                    }
                    return null;
                });
            }
        }
        System.out.printf("wrote %d secrets of 64 bytes in %.1f s%n", secrets, (System.nanoTime() - started) / 1e9);

        List<List<Phase>> reported = new ArrayList<>();
        for (int round = 1 - warmUps; round <= rounds; round++) {
            List<Phase> phases = List.of(
                    run("baseline GET /api/v1/policy", concurrency, length, http,
                            () -> HttpRequest.newBuilder(URI.create(base + "/api/v1/policy"))
                                    .header("Authorization", "Bearer " + token).GET().build()),
                    run("read GET /secrets/data", concurrency, length, http,
                            () -> HttpRequest.newBuilder(URI.create(base + PREFIX
                                            + ThreadLocalRandom.current().nextInt(secrets)))
                                    .header("Authorization", "Bearer " + token).GET().build()),
                    run("write PUT /secrets/data", concurrency, length, http,
                            () -> put(base, token, ThreadLocalRandom.current().nextInt(secrets))));
            if (round <= 0) {
                System.out.println("warm-up round (not reported): "
                        + phases.stream().map(p -> String.format("%.0f", p.perSecond())).toList() + " req/s");
                continue;
            }
            reported.add(phases);
            System.out.printf("round %d%n", round);
            for (Phase p : phases) {
                System.out.printf("  %-30s %8.0f req/s  p50 %6.1f ms  p99 %6.1f ms  server CPU %5.0f us/req"
                                + "  ok %d  failed %d%n", p.name(), p.perSecond(), p.p50Micros() / 1000.0,
                        p.p99Micros() / 1000.0, p.serverCpuMicrosPerRequest(), p.ok(), p.failed());
                if (!p.cpuMicrosPerRequestByThread().isEmpty()) {
                    System.out.println("      us/req by server thread: " + p.cpuMicrosPerRequestByThread().entrySet()
                            .stream().map(e -> String.format("%s %.0f", e.getKey(), e.getValue())).toList());
                }
            }
            System.out.printf("  ratio read/baseline %.2f, write/baseline %.2f%n",
                    phases.get(1).perSecond() / phases.get(0).perSecond(),
                    phases.get(2).perSecond() / phases.get(0).perSecond());
            if (SERVER.isPresent()) {
                System.out.printf("  server CPU per request, baseline/read %.2f, baseline/write %.2f%n",
                        phases.get(0).serverCpuMicrosPerRequest() / phases.get(1).serverCpuMicrosPerRequest(),
                        phases.get(0).serverCpuMicrosPerRequest() / phases.get(2).serverCpuMicrosPerRequest());
            }
        }
        double[] mean = new double[3];
        for (List<Phase> phases : reported) {
            for (int i = 0; i < 3; i++) {
                mean[i] += phases.get(i).perSecond() / reported.size();
            }
        }
        System.out.printf("mean over %d rounds: baseline %.0f, read %.0f, write %.0f req/s; "
                        + "read/baseline %.2f, write/baseline %.2f%n", reported.size(), mean[0], mean[1], mean[2],
                mean[1] / mean[0], mean[2] / mean[0]);
    }

    private static HttpRequest put(String base, String token, long i) {
        byte[] value = new byte[24];
        ThreadLocalRandom.current().nextBytes(value);
        String body = "{\"value\":\"" + java.util.HexFormat.of().formatHex(value) + "-" + i + "\"}";
        return HttpRequest.newBuilder(URI.create(base + PREFIX + i))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static Phase run(String name, int concurrency, Duration length, HttpClient http,
                             java.util.function.Supplier<HttpRequest> requests) throws Exception {
        long cpuBefore = serverCpuNanos();
        java.util.Map<String, Long> threadsBefore = serverCpuTicksByThread();
        long deadline = System.nanoTime() + length.toNanos();
        List<long[]> latencies = new ArrayList<>();
        int[] ok = new int[concurrency];
        int[] failed = new int[concurrency];
        long start = System.nanoTime();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < concurrency; w++) {
                int worker = w;
                long[] mine = new long[200_000];
                latencies.add(mine);
                pool.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        long sent = System.nanoTime();
                        int status = send(http, requests.get()).statusCode();
                        long took = (System.nanoTime() - sent) / 1000;
                        if (status == 200) {
                            if (ok[worker] < mine.length) {
                                mine[ok[worker]] = took;
                            }
                            ok[worker]++;
                        } else {
                            failed[worker]++;
                        }
                    }
                    return null;
                });
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int total = Arrays.stream(ok).sum();
        double cpuPerRequest = total == 0 ? 0 : (serverCpuNanos() - cpuBefore) / 1000.0 / total;
        java.util.Map<String, Double> byThread = new java.util.TreeMap<>();
        serverCpuTicksByThread().forEach((group, ticks) -> {
            long used = ticks - threadsBefore.getOrDefault(group, 0L);
            if (used > 0 && total > 0) {
                byThread.put(group, used * 10_000.0 / total);
            }
        });
        long[] all = new long[Math.min(total, concurrency * 200_000)];
        int at = 0;
        for (int w = 0; w < concurrency; w++) {
            int n = Math.min(ok[w], 200_000);
            System.arraycopy(latencies.get(w), 0, all, at, n);
            at += n;
        }
        Arrays.sort(all, 0, at);
        long p50 = at == 0 ? 0 : all[at / 2];
        long p99 = at == 0 ? 0 : all[Math.min(at - 1, (int) (at * 0.99))];
        return new Phase(name, total, Arrays.stream(failed).sum(), total / seconds, p50, p99, cpuPerRequest,
                byThread);
    }

    /**
     * CPU ticks (1/100 s) the server's threads have used so far, summed by kind of thread (request threads, the
     * audit committers, the JIT compilers, the garbage collector, the rest), where Linux's /proc shows them: what
     * share of a request is its own and what is the JIT still warming up.
     */
    private static java.util.Map<String, Long> serverCpuTicksByThread() {
        java.util.Map<String, Long> ticks = new java.util.TreeMap<>();
        if (SERVER.isEmpty()) {
            return ticks;
        }
        try (var tasks = Files.list(Path.of("/proc", Long.toString(SERVER.get().pid()), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (java.io.IOException ended) {
                    continue;
                }
                String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long used = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                String group = comm.startsWith("http-nio") ? "requests"
                        : comm.startsWith("audit-group") ? "committers"
                        : comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler") ? "jit"
                        : comm.startsWith("GC ") || comm.startsWith("G1 ") ? "gc" : "other";
                ticks.merge(group, used, Long::sum);
            }
        } catch (java.io.IOException | RuntimeException unavailable) {
            return java.util.Map.of();
        }
        return ticks;
    }

    /** User and system CPU time the server has used so far, or 0 without a server to look at. */
    private static long serverCpuNanos() {
        return SERVER.flatMap(server -> server.info().totalCpuDuration()).map(java.time.Duration::toNanos)
                .orElse(0L);
    }
}
