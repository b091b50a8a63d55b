package org.recoup.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.recoup.app.RecoupApplication;
import org.recoup.app.dailyrun.DailyRuns;
import org.recoup.app.dailyrun.RunProgress;
import org.recoup.app.dailyrun.RunView;
import org.recoup.app.queue.CaseRouting;
import org.recoup.app.queue.WorkQueue;
import org.recoup.app.security.Role;
import org.recoup.app.security.UserAccounts;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The agents' workbench under load (issue 6): {@code --agents} simulated agents (default 50) on loopback HTTP, each
 * signed in through the login form with its own session cookie, loop <i>next case</i> ({@code POST /ui/queue/next}
 * as htmx) → open the case page ({@code --case-page}, default {@code /ui/cases/{caseId}}) → release
 * ({@code POST /ui/cases/{caseId}/release}). Reports p50/p95/p99 of each step, and the time of routing and of the
 * set-based queue rebuild. Run it on a copy of the 1 M-account database of §2, so that migrations and the run do not
 * touch the shared one:
 *
 * <pre>
 * psql -h localhost -U recoup -d postgres -c "CREATE DATABASE recoup_workbench_bench TEMPLATE recoup_bench"
 * ./mvnw -q -B -DskipTests package
 * java -Xmx1g -cp recoup-bench/target/classes:$(cat recoup-bench/target/classpath.txt) org.recoup.bench.WorkbenchBenchmark \
 *   --pg-url jdbc:postgresql://localhost:5432/recoup_workbench_bench --as-of 2026-11-23 --agents 50 --loops 40
 * </pre>
 *
 * Options: {@code --demo-accounts N} loads the demo portfolio into an empty database first (a quick smoke run);
 * {@code --skip-run} when the database already holds a completed run of the date (only routing and the
 * rebuild are timed again); {@code --case-page /ui/queue} to open another page where the case page does not exist.
 */
public final class WorkbenchBenchmark {

    private static final String PASSWORD = "bench-agent-1234";
    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private WorkbenchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = EndToEndBenchmark.options(args);
        String url = opts.getOrDefault("pg-url", "jdbc:postgresql://localhost:5432/recoup_workbench_bench");
        LocalDate asOf = LocalDate.parse(opts.getOrDefault("as-of", "2026-11-23"));
        int agents = Integer.parseInt(opts.getOrDefault("agents", "50"));
        int loops = Integer.parseInt(opts.getOrDefault("loops", "40"));
        int warmup = Integer.parseInt(opts.getOrDefault("warmup", "5"));
        String casePage = opts.getOrDefault("case-page", "/ui/cases/{caseId}");
        long thinkMs = Long.parseLong(opts.getOrDefault("think-ms", "0"));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"load average at start", loadAverage(), "2 cores shared with other work"});
        long started = System.nanoTime();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(RecoupApplication.class).run(
                "--spring.datasource.url=" + url, "--spring.datasource.username=recoup",
                "--spring.datasource.password=recoup", "--recoup.demo.enabled=" + opts.containsKey("demo-accounts"),
                "--recoup.demo.accounts=" + opts.getOrDefault("demo-accounts", "0"), "--recoup.admin.password=bench",
                "--server.port=0", "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                "--logging.level.org.recoup.app.queue=INFO",
                // the outbox dispatcher renders the run's letters in the background: measured apart, not here
                "--recoup.messaging.dispatch.enabled=" + opts.getOrDefault("dispatch", "false"),
                "--spring.datasource.hikari.maximum-pool-size=" + Math.max(20, agents + 10),
                "--server.tomcat.threads.max=" + Math.max(200, agents * 2))) {
            rows.add(new String[] {"startup incl. migrations", ms((System.nanoTime() - started) / 1e6), url});
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            Clock clock = app.getBean(Clock.class);
            if (!opts.containsKey("skip-run")) {
                long t0 = System.nanoTime();
                RunView run = app.getBean(DailyRuns.class).runAndWait(asOf, "bench", RunProgress.NONE);
                rows.add(new String[] {"daily run of " + asOf + " incl. routing and queue rebuild",
                        ms((System.nanoTime() - t0) / 1e6), run.status() + ", " + run.counts().processed() + " accounts"});
            }
            long t0 = System.nanoTime();
            int routed = app.getBean(CaseRouting.class).routeNewCases(asOf, clock.instant());
            double routeMs = (System.nanoTime() - t0) / 1e6;
            t0 = System.nanoTime();
            long queued = app.getBean(WorkQueue.class).rebuild(asOf, clock.instant());
            double rebuildMs = (System.nanoTime() - t0) / 1e6;
            long accounts = jdbc.sql("SELECT COUNT(*) FROM account").query(Long.class).single();
            long open = jdbc.sql("SELECT COUNT(*) FROM collection_case WHERE status = 'OPEN'").query(Long.class).single();
            rows.add(new String[] {"accounts / open cases / queued cases", accounts + " / " + open + " / " + queued, ""});
            rows.add(new String[] {"routing of unassigned open cases (set-based)", ms(routeMs), routed + " routed"});
            rows.add(new String[] {"queue rebuild (set-based, from the run's QUEUE actions)", ms(rebuildMs),
                    queued + " rows"});
            Map<String, Long> byPool = new LinkedHashMap<>();
            jdbc.sql("SELECT pool, COUNT(*) FROM work_queue GROUP BY pool ORDER BY pool")
                    .query((rs, i) -> byPool.put(rs.getString(1), rs.getLong(2))).list();
            rows.add(new String[] {"queue by pool", byPool.toString(), ""});

            UserAccounts users = app.getBean(UserAccounts.class);
            List<String> names = new ArrayList<>();
            for (int i = 0; i < agents; i++) {
                String name = String.format(Locale.ROOT, "bench-agent-%03d", i);
                users.createIfAbsent(name, PASSWORD, name, Role.AGENT, "en");
                jdbc.sql("UPDATE app_user SET team = ?, tier = 'INTERMEDIATE' WHERE username = ?")
                        .params(i % 2 == 0 ? "early" : "late", name).update();
                names.add(name);
            }
            jdbc.sql("UPDATE work_queue SET locked_by = NULL, locked_until = NULL WHERE locked_by LIKE 'bench-agent-%'")
                    .update();
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            ExecutorService httpThreads = Executors.newFixedThreadPool(Math.max(8, agents));
            try {
                List<Agent> sessions = new ArrayList<>();
                t0 = System.nanoTime();
                for (String name : names) {
                    sessions.add(Agent.signIn(port, name, httpThreads));
                }
                rows.add(new String[] {"sign-in of " + agents + " agents through the login form",
                        ms((System.nanoTime() - t0) / 1e6), "sequential, bcrypt each"});
                loop(sessions, warmup, casePage, thinkMs);
                Result result = loop(sessions, loops, casePage, thinkMs);
                rows.add(new String[] {"think time on the case page (uniform 0.5–1.5 × mean)", thinkMs + " ms mean",
                        thinkMs == 0 ? "closed loop without think time: the CPU limit of server + load generator"
                                : "an agent reads the case before releasing it"});
                rows.add(new String[] {"requests served", String.format(Locale.ROOT, "%.1f/s",
                        (result.next.nanos().length + 2.0 * result.page.nanos().length) / result.seconds), ""});
                rows.add(result.next.row("`POST /ui/queue/next` (htmx), " + agents + " agents", result.seconds));
                rows.add(result.page.row("case page `GET " + casePage + "`, " + agents + " agents", result.seconds));
                rows.add(result.release.row("`POST /ui/cases/{caseId}/release` (htmx), " + agents + " agents",
                        result.seconds));
                rows.add(new String[] {"next case: cases handed out / empty answers / duplicates held at once",
                        result.popped + " / " + result.empty + " / " + result.duplicates, ""});
                rows.add(new String[] {"case page statuses", result.pageStatuses.toString(), ""});
            } finally {
                httpThreads.shutdownNow();
            }
            rows.add(new String[] {"load average at end", loadAverage(), ""});
        }
        System.out.println("| measure | value | note |");
        System.out.println("|---|---|---|");
        for (String[] r : rows) {
            System.out.println("| " + String.join(" | ", r) + " |");
        }
    }

    /** One signed-in agent: its own cookie jar (session) and CSRF token. */
    record Agent(String name, HttpClient http, String base, String csrf) {

        static Agent signIn(int port, String name, ExecutorService executor) throws Exception {
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).executor(executor)
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
            String base = "http://127.0.0.1:" + port;
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            String token = find(CSRF_INPUT, login.body(), "the login form's CSRF token");
            String form = "username=" + enc(name) + "&password=" + enc(PASSWORD) + "&_csrf=" + enc(token);
            HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            String location = signedIn.headers().firstValue("Location").orElse("");
            if (signedIn.statusCode() != 302 || location.contains("error")) {
                throw new IllegalStateException(name + " could not sign in: " + signedIn.statusCode() + " " + location);
            }
            HttpResponse<String> home = http.send(HttpRequest.newBuilder(URI.create(base + "/ui/queue")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (home.statusCode() != 200) {
                throw new IllegalStateException(name + ": /ui/queue answered " + home.statusCode());
            }
            return new Agent(name, http, base, find(CSRF_META, home.body(), "the page's CSRF token"));
        }

        HttpResponse<String> post(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("HX-Request", "true")
                    .header("X-CSRF-TOKEN", csrf).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("")).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    record Timings(long[] nanos) {
        String[] row(String what, double seconds) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            if (sorted.length == 0) {
                return new String[] {what, "no requests", ""};
            }
            return new String[] {what, String.format(Locale.ROOT, "p50 %s · p95 %s · p99 %s · max %s",
                    ms(pct(sorted, 50)), ms(pct(sorted, 95)), ms(pct(sorted, 99)), ms(sorted[sorted.length - 1] / 1e6)),
                    String.format(Locale.ROOT, "%d requests in %.1f s", sorted.length, seconds)};
        }
    }

    record Result(Timings next, Timings page, Timings release, long popped, long empty, long duplicates,
                  Map<Integer, Long> pageStatuses, double seconds) {
    }

    /** Every agent, released together, loops next case → case page → release {@code loops} times. */
    private static Result loop(List<Agent> agents, int loops, String casePage, long thinkMs) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(agents.size());
        CountDownLatch start = new CountDownLatch(1);
        AtomicLong popped = new AtomicLong();
        AtomicLong empty = new AtomicLong();
        AtomicLong duplicates = new AtomicLong();
        Map<String, String> holding = new ConcurrentHashMap<>();
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        List<Future<long[][]>> futures = new ArrayList<>();
        for (Agent a : agents) {
            futures.add(pool.submit(() -> {
                start.await();
                if (thinkMs > 0) {
                    // agents on a floor do not press "next case" in step: each starts somewhere in its first think time
                    Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(thinkMs + 1));
                }
                long[] next = new long[loops];
                long[] page = new long[loops];
                long[] release = new long[loops];
                int n = 0;
                int p = 0;
                for (int i = 0; i < loops; i++) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = a.post("/ui/queue/next");
                    next[n++] = System.nanoTime() - t0;
                    String target = r.headers().firstValue("HX-Redirect").orElse(null);
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException(a.name() + ": next case answered " + r.statusCode());
                    }
                    if (target == null) {
                        empty.incrementAndGet();
                        continue;
                    }
                    String caseId = target.substring(target.lastIndexOf('/') + 1);
                    popped.incrementAndGet();
                    if (holding.putIfAbsent(caseId, a.name()) != null) {
                        duplicates.incrementAndGet();
                    }
                    t0 = System.nanoTime();
                    HttpResponse<String> shown = a.get(casePage.replace("{caseId}", caseId));
                    page[p] = System.nanoTime() - t0;
                    statuses.merge(shown.statusCode(), 1L, Long::sum);
                    if (thinkMs > 0) {
                        Thread.sleep(thinkMs / 2 + java.util.concurrent.ThreadLocalRandom.current().nextLong(thinkMs + 1));
                    }
                    holding.remove(caseId, a.name());
                    t0 = System.nanoTime();
                    HttpResponse<String> released = a.post("/ui/cases/" + caseId + "/release");
                    release[p++] = System.nanoTime() - t0;
                    if (released.statusCode() != 200) {
                        throw new IllegalStateException(a.name() + ": release answered " + released.statusCode());
                    }
                }
                return new long[][] {Arrays.copyOf(next, n), Arrays.copyOf(page, p), Arrays.copyOf(release, p)};
            }));
        }
        long t0 = System.nanoTime();
        start.countDown();
        List<long[][]> all = new ArrayList<>();
        for (Future<long[][]> f : futures) {
            all.add(f.get());
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        return new Result(new Timings(all.stream().flatMapToLong(x -> Arrays.stream(x[0])).toArray()),
                new Timings(all.stream().flatMapToLong(x -> Arrays.stream(x[1])).toArray()),
                new Timings(all.stream().flatMapToLong(x -> Arrays.stream(x[2])).toArray()),
                popped.get(), empty.get(), duplicates.get(), new java.util.TreeMap<>(statuses), seconds);
    }

    private static String find(Pattern pattern, String html, String what) {
        Matcher m = pattern.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no " + what + " in the page");
        }
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static double pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, "%.1f ms", millis);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "n/a";
        }
    }
}
