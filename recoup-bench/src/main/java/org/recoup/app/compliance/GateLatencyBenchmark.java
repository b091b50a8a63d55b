package org.recoup.app.compliance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.recoup.app.RecoupApplication;
import org.recoup.bench.EndToEndBenchmark;
import org.recoup.engine.compliance.Channel;
import org.recoup.engine.compliance.Outcome;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Latency of the atomic gate ({@code POST /api/v1/contacts}) under concurrent callers on PostgreSQL, measured two ways
 * in one run on a generated demo portfolio:
 * <ol>
 * <li><b>gate</b>: {@code ContactRecording.record} called in-process by N threads — lock account and party rows, load
 * the facts, evaluate, audit, insert: the gate's own latency;</li>
 * <li><b>HTTP</b>: the same request through {@code POST /api/v1/contacts} on loopback with HTTP Basic, twice: first
 * with credentials not yet remembered (each caller's first request runs bcrypt, ~0.1 s of CPU, all at once), then with
 * the verification remembered (decision 0005), which is what an integration in use sees.</li>
 * </ol>
 * Lives in the compliance package (split across the app and bench jars on the classpath) to call the package-private
 * recording service without widening the application's API.
 *
 * <pre>
 * java -cp recoup-bench/target/classes:$(cat recoup-bench/target/classpath.txt) org.recoup.app.compliance.GateLatencyBenchmark \
 *   --pg-url jdbc:postgresql://localhost:5432/recoup_compliance --fresh --accounts 10000 --threads 50
 * </pre>
 */
public final class GateLatencyBenchmark {

    private record Target(String account, String party, String point) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = EndToEndBenchmark.options(args);
        String url = opts.getOrDefault("pg-url", "jdbc:postgresql://localhost:5432/recoup_compliance");
        int accounts = Integer.parseInt(opts.getOrDefault("accounts", "10000"));
        int threads = Integer.parseInt(opts.getOrDefault("threads", "50"));
        int perThread = Integer.parseInt(opts.getOrDefault("requests-per-thread", "100"));
        int httpPerThread = Integer.parseInt(opts.getOrDefault("http-requests-per-thread", "6"));
        int httpWarmPerThread = Integer.parseInt(opts.getOrDefault("http-remembered-requests-per-thread", "100"));
        if (opts.containsKey("fresh")) {
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "recoup", "recoup");
                 java.sql.Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA public CASCADE");
                s.execute("CREATE SCHEMA public");
            }
        }
        List<String[]> rows = new ArrayList<>();
        long started = System.nanoTime();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(RecoupApplication.class).run(
                "--spring.datasource.url=" + url, "--spring.datasource.username=recoup", "--spring.datasource.password=recoup",
                "--recoup.demo.enabled=true", "--recoup.demo.accounts=" + accounts, "--recoup.admin.password=bench",
                "--server.port=0", "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                "--spring.datasource.hikari.maximum-pool-size=" + Math.max(20, threads))) {
            rows.add(new String[] {"startup incl. demo import + daily run", ms((System.nanoTime() - started) / 1e6), accounts + " accounts"});
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            List<Target> targets = jdbc.sql("""
                    SELECT ap.account_id, ap.party_id, MIN(cp.contact_point_id) FROM account_party ap
                    JOIN contact_point cp ON cp.party_id = ap.party_id AND cp.type = 'MOBILE'
                    WHERE ap.role = 'BORROWER' GROUP BY ap.account_id, ap.party_id ORDER BY ap.account_id""")
                    .query((rs, n) -> new Target(rs.getString(1), rs.getString(2), rs.getString(3))).list();
            long history = jdbc.sql("SELECT COUNT(*) FROM contact_attempt").query(Long.class).single();
            rows.add(new String[] {"borrowers with a mobile / contact history rows", targets.size() + " / " + history, ""});
            rows.add(new String[] {"load average at start", loadAverage(), "2 cores shared with other work"});
            ContactRecording recording = app.getBean(ContactRecording.class);
            Instant now = Instant.now();

            run(threads, 20, targets, now, 11, (body) -> outcome(recording.record(body, "bench"))); // warm-up
            Result serial = run(1, 500, targets, now, 41, (body) -> outcome(recording.record(body, "bench")));
            rows.add(serial.row("gate in-process (`ContactRecording.record`), 1 thread: the service time"));
            Result gate = run(threads, perThread, targets, now, 42, (body) -> outcome(recording.record(body, "bench")));
            rows.add(gate.row("gate in-process (`ContactRecording.record`), " + threads + " threads"));

            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            ExecutorService httpThreads = Executors.newFixedThreadPool(threads); // shut down below, or the JVM never exits
            HttpClient http = HttpClient.newBuilder().executor(httpThreads).build();
            String auth = "Basic " + Base64.getEncoder().encodeToString("admin:bench".getBytes(StandardCharsets.UTF_8));
            Call viaHttp = (body) -> {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/contacts"))
                        .header("Content-Type", "application/json").header("Authorization", auth)
                        .POST(HttpRequest.BodyPublishers.ofString(json(body))).build(), HttpResponse.BodyHandlers.ofString());
                return switch (r.statusCode()) {
                    case 201, 200 -> "allowed";
                    case 422 -> "blocked";
                    default -> throw new IllegalStateException(r.statusCode() + " " + r.body());
                };
            };
            // cold: no verification remembered yet, so every caller's first request runs bcrypt (~0.1 s of CPU) at once
            Result cold = run(threads, httpPerThread, targets, now, 77, viaHttp);
            rows.add(cold.row("HTTP `POST /api/v1/contacts` round trip (Basic auth), " + threads
                    + " callers, credentials not yet remembered (each caller's first request runs bcrypt)"));
            // remembered: the pair was verified within the last minute (decision 0005), as for an integration in use
            Result warm = run(threads, httpWarmPerThread, targets, now, 78, viaHttp);
            rows.add(warm.row("HTTP `POST /api/v1/contacts` round trip (Basic auth), " + threads
                    + " callers, credentials remembered"));
            httpThreads.shutdownNow();
        }
        System.out.println("| measure | value | note |");
        System.out.println("|---|---|---|");
        for (String[] r : rows) {
            System.out.println("| " + String.join(" | ", r) + " |");
        }
    }

    interface Call {
        String apply(ContactRequestBody.Record body) throws Exception;
    }

    private static String outcome(ContactRecording.Result r) {
        return r.blocked() != null ? "blocked" : "allowed";
    }

    record Result(long[] nanos, long allowed, long blocked, double seconds) {
        String[] row(String what) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return new String[] {what, String.format(Locale.ROOT, "p50 %s · p95 %s · p99 %s · max %s", ms(pct(sorted, 50)),
                    ms(pct(sorted, 95)), ms(pct(sorted, 99)), ms(sorted[sorted.length - 1] / 1e6)),
                    String.format(Locale.ROOT, "%d requests in %.1f s = %.0f/s; %d allowed, %d blocked", sorted.length,
                            seconds, sorted.length / seconds, allowed, blocked)};
        }
    }

    private static double pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    /** {@code threads} callers released together, each making {@code perThread} contacts to random borrowers. */
    private static Result run(int threads, int perThread, List<Target> targets, Instant now, long seed, Call call)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        AtomicLong allowed = new AtomicLong();
        AtomicLong blocked = new AtomicLong();
        List<Future<long[]>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            SplittableRandom random = new SplittableRandom(seed * 1000 + t);
            futures.add(pool.submit(() -> {
                start.await();
                long[] nanos = new long[perThread];
                for (int i = 0; i < perThread; i++) {
                    Target target = targets.get(random.nextInt(targets.size()));
                    // within the last 8 hours: mostly inside CN hours at the time this was measured, so most pass
                    OffsetDateTime at = now.minusSeconds(random.nextInt(8 * 3600)).atOffset(ZoneOffset.UTC);
                    ContactRequestBody.Record body = new ContactRequestBody.Record(target.account(), target.party(),
                            target.point(), Channel.SMS, at, null, null, null, null, Outcome.SENT, null, null, null);
                    long t0 = System.nanoTime();
                    String result = call.apply(body);
                    nanos[i] = System.nanoTime() - t0;
                    (result.equals("allowed") ? allowed : blocked).incrementAndGet();
                }
                return nanos;
            }));
        }
        long t0 = System.nanoTime();
        start.countDown();
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : futures) {
            all.add(f.get());
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        long[] nanos = all.stream().flatMapToLong(Arrays::stream).toArray();
        return new Result(nanos, allowed.get(), blocked.get(), seconds);
    }

    private static String json(ContactRequestBody.Record b) {
        return "{\"accountId\":\"" + b.accountId() + "\",\"partyId\":\"" + b.partyId() + "\",\"contactPointId\":\""
                + b.contactPointId() + "\",\"channel\":\"" + b.channel() + "\",\"at\":\"" + b.at() + "\",\"outcome\":\""
                + b.outcome() + "\"}";
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, "%.1f ms", millis);
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "n/a";
        }
    }
}
