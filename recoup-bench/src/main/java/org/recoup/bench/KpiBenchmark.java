package org.recoup.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.recoup.app.RecoupApplication;
import org.recoup.app.performance.ContactKpis;
import org.recoup.app.performance.KpiAggregates;
import org.recoup.app.performance.KpiFilter;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Contact and collector KPIs on the 1 M-account database with 90 days of contact history (docs/benchmarks.md,
 * "Contact and collector KPIs"): the backfill of all 90 dates in one refresh, the time to maintain one business date's
 * aggregates (a sample of dates, then the daily run's own maintenance of D−1 and D, which includes the experiment arms
 * of D's 1 M decisions), and each
 * dashboard's data request (all the tables the page and its charts read, in one read-only transaction) p50/p95 for
 * the default 30 days, 90 days, and 90 days narrowed to a portfolio and to a team.
 *
 * <pre>
 * psql -h localhost -U recoup -d postgres -c "CREATE DATABASE recoup_kpicontact_bench TEMPLATE recoup_workbench_bench"
 * psql -h localhost -U recoup -d recoup_kpicontact_bench -f recoup-bench/src/main/resources/kpi-history.sql
 * ./mvnw -q -B -o -DskipTests package
 * java -Xmx1g -cp recoup-bench/target/classes:$(cat recoup-bench/target/classpath.txt) org.recoup.bench.KpiBenchmark \
 *   --pg-url jdbc:postgresql://localhost:5432/recoup_kpicontact_bench --from 2026-08-26 --to 2026-11-23
 * </pre>
 * {@code --skip-maintenance} times only the dashboards (the aggregates must exist); {@code --roll-up} first rebuilds the
 * V116 rollups of {@code --from}..{@code --to} from the existing aggregates (for a database maintained before V116).
 */
public final class KpiBenchmark {

    private KpiBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = EndToEndBenchmark.options(args);
        String url = opts.getOrDefault("pg-url", "jdbc:postgresql://localhost:5432/recoup_kpicontact_bench");
        LocalDate from = LocalDate.parse(opts.getOrDefault("from", "2026-08-26"));
        LocalDate to = LocalDate.parse(opts.getOrDefault("to", "2026-11-23"));
        int iterations = Integer.parseInt(opts.getOrDefault("iterations", "20"));
        List<String[]> rows = new ArrayList<>() {
            @Override
            public boolean add(String[] r) {
                System.out.println("| " + String.join(" | ", r) + " |"); // as measured, in case the run is cut short
                return super.add(r);
            }
        };
        rows.add(EndToEndBenchmark.row("load average at start", EndToEndBenchmark.loadAverage(), "2 cores shared with other work"));
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(RecoupApplication.class)
                .web(WebApplicationType.NONE)
                .run(EndToEndBenchmark.springArgs(args, "--spring.datasource.url=" + url,
                        "--spring.datasource.username=recoup", "--spring.datasource.password=recoup",
                        "--recoup.demo.enabled=false", "--recoup.admin.password=bench", "--spring.main.banner-mode=off",
                        // the outbox dispatcher would render the run's letters in the background meanwhile
                        "--recoup.messaging.dispatch.enabled=false",
                        // one thread measures: a small pool leaves the shared server's connections to others
                        "--spring.datasource.hikari.maximum-pool-size=4",
                        "--logging.level.root=WARN"))) {
            KpiAggregates aggregates = app.getBean(KpiAggregates.class);
            ContactKpis kpis = app.getBean(ContactKpis.class);
            if (!opts.containsKey("skip-maintenance")) {
                // the whole history at once (a backfill: one set-based statement per table over all dates)
                long b = System.nanoTime();
                KpiAggregates.Maintained all = aggregates.refresh(from, to);
                rows.add(EndToEndBenchmark.row("backfill " + from + ".." + to + " in one refresh",
                        EndToEndBenchmark.ms((System.nanoTime() - b) / 1e6),
                        String.format(Locale.ROOT, "%,d contact, %,d promise, %,d payment, %,d compliance, %,d arm rows",
                                all.contactRows(), all.promiseRows(), all.paymentRows(), all.complianceRows(),
                                all.armRows())));
                // then single dates, as the daily run maintains them (the last sampleDays dates before the run date)
                int sampleDays = Integer.parseInt(opts.getOrDefault("sample-days", "5"));
                List<Double> perDay = new ArrayList<>();
                for (LocalDate d = to.minusDays(sampleDays); d.isBefore(to); d = d.plusDays(1)) {
                    long t = System.nanoTime();
                    aggregates.refresh(d, d);
                    perDay.add((System.nanoTime() - t) / 1e6);
                }
                rows.add(EndToEndBenchmark.row("maintain one business date (" + perDay.size() + " dates)",
                        "p50 " + EndToEndBenchmark.ms(pct(perDay, 50)) + ", max " + EndToEndBenchmark.ms(pct(perDay, 100)),
                        "dates without run decisions"));
                long t = System.nanoTime();
                KpiAggregates.Maintained run = aggregates.refresh(to.minusDays(1), to);
                rows.add(EndToEndBenchmark.row("after the daily run of " + to + ": maintain " + to.minusDays(1) + ".." + to,
                        EndToEndBenchmark.ms((System.nanoTime() - t) / 1e6),
                        String.format(Locale.ROOT, "incl. the arms of the run's 1 M decisions: %,d arm rows", run.armRows())));
            }
            if (opts.containsKey("roll-up")) {
                // the V116 rollups of aggregates maintained before they existed, with the SQL the refresh uses
                long r = System.nanoTime();
                int rolled = aggregates.rollUp(from, to);
                rows.add(EndToEndBenchmark.row("roll up " + from + ".." + to + " from the aggregates",
                        EndToEndBenchmark.ms((System.nanoTime() - r) / 1e6),
                        String.format(Locale.ROOT, "%,d rollup rows", rolled)));
            }
            String portfolio = opts.getOrDefault("portfolio", kpis.portfolios().isEmpty() ? null : kpis.portfolios().get(0));
            String team = opts.getOrDefault("team", kpis.teams().isEmpty() ? null : kpis.teams().get(0));
            List<KpiFilter> filters = List.of(
                    new KpiFilter(to.minusDays(29), to, null, null, null),
                    new KpiFilter(from, to, null, null, null),
                    new KpiFilter(from, to, portfolio, null, null),
                    new KpiFilter(from, to, null, null, team));
            List<String> names = List.of("30 days", "90 days", "90 days, portfolio " + portfolio, "90 days, team " + team);
            for (ContactKpis.Dashboard dashboard : ContactKpis.Dashboard.values()) {
                for (int f = 0; f < filters.size(); f++) {
                    KpiFilter filter = filters.get(f);
                    for (int i = 0; i < 3; i++) {
                        kpis.dashboard(dashboard, filter, Locale.SIMPLIFIED_CHINESE);
                    }
                    List<Double> times = new ArrayList<>();
                    int cells = 0;
                    for (int i = 0; i < iterations; i++) {
                        long t = System.nanoTime();
                        var tables = kpis.dashboard(dashboard, filter, Locale.SIMPLIFIED_CHINESE);
                        times.add((System.nanoTime() - t) / 1e6);
                        cells = tables.values().stream().mapToInt(tb -> tb.rows().size()).sum();
                    }
                    rows.add(EndToEndBenchmark.row("dashboard " + dashboard.name().toLowerCase(Locale.ROOT) + ", "
                                    + names.get(f),
                            "p50 " + EndToEndBenchmark.ms(pct(times, 50)) + ", p95 " + EndToEndBenchmark.ms(pct(times, 95)),
                            cells + " table rows; " + iterations + " requests after 3 warm-ups"));
                }
            }
        }
        System.out.println();
        System.out.println("| measure | value | note |");
        System.out.println("|---|---|---|");
        for (String[] r : rows) {
            System.out.println("| " + String.join(" | ", r) + " |");
        }
    }

    private static double pct(List<Double> values, int p) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

}
