package org.recoup.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.recoup.app.RecoupApplication;
import org.recoup.app.dailyrun.DailyRuns;
import org.recoup.app.dailyrun.RunStatus;
import org.recoup.app.dailyrun.RunView;
import org.recoup.app.portfolio.IdRange;
import org.recoup.app.portfolio.PortfolioReader;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * End-to-end benchmark on PostgreSQL: the daily run over the whole portfolio, and in the same process and database
 * the floor — PostgreSQL alone reading the run's inputs ({@code COPY … TO}) and writing its outputs
 * ({@code COPY … FROM}) with the same partitioning. Prints a Markdown table for docs/benchmarks.md.
 *
 * <pre>
 * java -cp recoup-bench/target/classes:$(cat recoup-bench/target/classpath.txt) org.recoup.bench.EndToEndBenchmark \
 *   --pg-url jdbc:postgresql://localhost:5432/recoup_bench --as-of 2026-11-23 [--fresh --import DIR] [--partitions 2]
 * </pre>
 */
public final class EndToEndBenchmark {

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        String url = opts.getOrDefault("pg-url", "jdbc:postgresql://localhost:5432/recoup_bench");
        String user = opts.getOrDefault("user", "recoup");
        String password = opts.getOrDefault("password", "recoup");
        LocalDate asOf = LocalDate.parse(opts.getOrDefault("as-of", "2026-11-23"));
        int partitions = Integer.parseInt(opts.getOrDefault("partitions",
                String.valueOf(Runtime.getRuntime().availableProcessors())));
        List<String[]> results = new ArrayList<>();
        if (opts.containsKey("fresh")) {
            // an empty schema: Flyway migrates it when the application starts
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, user, password);
                 java.sql.Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA public CASCADE");
                s.execute("CREATE SCHEMA public");
            }
        }

        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(RecoupApplication.class)
                .web(WebApplicationType.NONE)
                .run(springArgs(args, "--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                        "--spring.datasource.password=" + password, "--recoup.demo.enabled=false",
                        "--recoup.admin.password=bench", "--recoup.run.partitions=" + partitions,
                        "--spring.main.banner-mode=off", "--logging.level.root=WARN"))) {
            if (opts.containsKey("import")) {
                results.addAll(ImportPhase.run(app, Path.of(opts.get("import"))));
                // settle the freshly loaded tables (hint bits, visibility map, statistics) as autovacuum would,
                // so the run and its floor both read a settled database
                long v0 = System.nanoTime();
                try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, user, password);
                     java.sql.Statement s = c.createStatement()) {
                    s.execute("VACUUM ANALYZE");
                }
                results.add(row("VACUUM ANALYZE after import", ms((System.nanoTime() - v0) / 1e6), "not part of either figure"));
            }
            results.add(row("load average at start", loadAverage(), "2 cores; other work on the machine inflates both run and floor"));
            PortfolioReader portfolio = app.getBean(PortfolioReader.class);
            long accounts = portfolio.count(IdRange.ALL);
            List<IdRange> ranges = portfolio.partition(partitions);
            DailyRuns runs = app.getBean(DailyRuns.class);
            PostgresFloor floor = new PostgresFloor(url, user, password);

            // the run, twice: the first on a date with no states, the rerun replaces them
            RunView first = timedRun(runs, asOf);
            RunView rerun = timedRun(runs, asOf);

            long t0 = System.nanoTime();
            long bytesRead = floor.readInputs(ranges, asOf, false);
            long readNanos = System.nanoTime() - t0;
            long tc = System.nanoTime();
            long caseBytes = floor.readInputs(ranges, asOf, true);
            long caseReadNanos = System.nanoTime() - tc;
            // the gate's reads for the rerun's planned contacts (keys taken from its audit, untimed)
            String gateSource = "DAILY_RUN " + rerun.id();
            floor.prepareGateKeys(ranges, gateSource);
            long tg = System.nanoTime();
            long gateBytes = floor.readGateFacts(ranges);
            long gateReadNanos = System.nanoTime() - tg;
            floor.dropGateKeys();
            Path spool = Path.of(opts.getOrDefault("spool", Files.isDirectory(Path.of("/dev/shm")) ? "/dev/shm/recoup-floor"
                    : "target/recoup-floor"));
            List<PostgresFloor.Output> outputs = floor.outputs(asOf, ranges, gateSource, spool);
            floor.prepareOutputTable();
            long t1 = System.nanoTime();
            floor.writeOutputs(outputs, ranges.size());
            long writeNanos = System.nanoTime() - t1;
            floor.dropOutputTable();
            for (PostgresFloor.Output o : outputs) {
                Files.deleteIfExists(o.file());
            }

            double floorMs = (readNanos + caseReadNanos + gateReadNanos + writeNanos) / 1e6;
            double runMs = first.timings().durationMs();
            results.add(row("accounts", String.format(Locale.ROOT, "%,d", accounts), ""));
            results.add(row("partitions", String.valueOf(ranges.size()), ""));
            results.add(row("daily run (first)", ms(runMs), rate(accounts, runMs) + " accounts/s; heap "
                    + (Runtime.getRuntime().maxMemory() >> 20) + " MB max"));
            results.add(row("daily run (rerun, replaces outputs)", ms(rerun.timings().durationMs()),
                    rate(accounts, rerun.timings().durationMs()) + " accounts/s"));
            results.add(row("floor: COPY inputs TO", ms(readNanos / 1e6),
                    String.format(Locale.ROOT, "%,d MB", bytesRead >> 20)));
            results.add(row("floor: COPY case-step read TO", ms(caseReadNanos / 1e6),
                    String.format(Locale.ROOT, "%,d MB: the decisions the case step reads back", caseBytes >> 20)));
            results.add(row("floor: COPY gate reads TO", ms(gateReadNanos / 1e6),
                    String.format(Locale.ROOT, "%,d MB: the compliance gate's facts for the run's planned contacts", gateBytes >> 20)));
            results.add(row("floor: COPY outputs FROM", ms(writeNanos / 1e6),
                    "states, decisions, moves, actions, verdicts and their reasons"));
            results.add(row("floor total", ms(floorMs), ""));
            results.add(row("**run ÷ floor**", String.format(Locale.ROOT, "**%.2f×**", runMs / floorMs),
                    String.format(Locale.ROOT, "rerun %.2f×; without the case-step read in the floor %.2f× (rerun %.2f×)",
                            rerun.timings().durationMs() / floorMs, runMs / (floorMs - caseReadNanos / 1e6),
                            rerun.timings().durationMs() / (floorMs - caseReadNanos / 1e6))));
        }
        System.out.println();
        System.out.println("| measure | value | note |");
        System.out.println("|---|---|---|");
        for (String[] r : results) {
            System.out.println("| " + String.join(" | ", r) + " |");
        }
    }

    private static RunView timedRun(DailyRuns runs, LocalDate asOf) {
        RunView run = runs.runAndWait(asOf, "bench", (done, total) -> { });
        if (run.status() != RunStatus.SUCCEEDED) {
            throw new IllegalStateException("run failed: " + run.error());
        }
        System.err.printf("run %d: %,d accounts in %s%n", run.id(), run.counts().processed(),
                Duration.ofMillis(run.timings().durationMs()));
        return run;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "n/a";
        }
    }

    static String[] row(String measure, String value, String note) {
        return new String[] {measure, value, note};
    }

    static String ms(double millis) {
        return String.format(Locale.ROOT, "%,.1f s", millis / 1000);
    }

    static String rate(long count, double millis) {
        return String.format(Locale.ROOT, "%,.0f", count / (millis / 1000));
    }

    /** The given Spring properties plus any {@code --spring.*=…} / {@code --recoup.*=…} argument passed through. */
    static String[] springArgs(String[] args, String... fixed) {
        List<String> all = new ArrayList<>(List.of(fixed));
        for (String arg : args) {
            if ((arg.startsWith("--spring.") || arg.startsWith("--recoup.")) && arg.contains("=")) {
                all.add(arg);
            }
        }
        return all.toArray(String[]::new);
    }

    /**
     * The benchmarks' {@code --name value} options ({@code --flag} alone means {@code "true"}); {@code --name=value}
     * arguments are left to Spring.
     */
    public static Map<String, String> options(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--") && !args[i].contains("=")) {
                String key = args[i].substring(2);
                String value = i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : "true";
                opts.put(key, value);
            }
        }
        return opts;
    }

}
