package org.recoup.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.recoup.app.RecoupApplication;
import org.recoup.app.analytics.FlowAggregates;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The portfolio-flow KPIs (issue 8) on a 1 M-account, 90-business-day PostgreSQL history: the time the daily run's
 * listener needs to maintain the aggregates of one date, and p50/p95 of every dashboard's data request
 * ({@code GET /api/v1/kpis/...}, JSON over loopback HTTP) over repeated filters.
 *
 * <p>The history is built on a copy of the workbench database (1 M accounts, one real run on 2026-11-23): each further
 * day's {@code account_state} is generated server-side from the previous day's ({@code INSERT … SELECT}, a
 * deterministic hash decides who enters collections, who ages, who cures and who pays part), with the payments that
 * cure or partly pay; then the real {@link FlowAggregates#maintain} runs for the date and, with
 * {@code recoup.analytics.state-retention-days=3}, older raw states are pruned so the database stays small. Generation
 * resumes where a previous invocation stopped. {@code --real-days N} (default: all) generates and maintains only the
 * first N dates for real and fills the later ones with copies of the real dates' aggregate rows (so that the dashboards
 * read a 90-date history) when the machine is too busy for 90 real days; docs/benchmarks.md says which was used.
 *
 * <pre>
 * psql -h localhost -U recoup -d postgres -c "CREATE DATABASE recoup_kpiflow_bench TEMPLATE recoup_workbench_bench OWNER recoup"
 * ./mvnw -q -B -o -DskipTests package
 * java -Xmx1g -cp recoup-bench/target/classes:$(cat recoup-bench/target/classpath.txt) org.recoup.bench.KpiFlowBenchmark \
 *   --pg-url jdbc:postgresql://localhost:5432/recoup_kpiflow_bench --first 2026-11-23 --days 90 --repeats 20
 * </pre>
 */
public final class KpiFlowBenchmark {

    private static final List<String> DASHBOARDS = List.of("bucket-mix", "roll-rates", "cure-recovery", "vintages",
            "aging");

    private KpiFlowBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = EndToEndBenchmark.options(args);
        String url = opts.getOrDefault("pg-url", "jdbc:postgresql://localhost:5432/recoup_kpiflow_bench");
        LocalDate first = LocalDate.parse(opts.getOrDefault("first", "2026-11-23"));
        int days = Integer.parseInt(opts.getOrDefault("days", "90"));
        int repeats = Integer.parseInt(opts.getOrDefault("repeats", "20"));
        int realDays = Integer.parseInt(opts.getOrDefault("real-days", String.valueOf(days)));
        List<String[]> rows = new ArrayList<>();
        rows.add(EndToEndBenchmark.row("load average at start", EndToEndBenchmark.loadAverage(), "2 cores shared"));
        long started = System.nanoTime();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(RecoupApplication.class).run(
                EndToEndBenchmark.springArgs(args,
                        "--spring.datasource.url=" + url, "--spring.datasource.username=recoup",
                        "--spring.datasource.password=recoup", "--recoup.demo.enabled=false",
                        "--recoup.admin.password=bench", "--server.port=0", "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN", "--logging.level.org.recoup.app.analytics=INFO",
                        "--recoup.messaging.dispatch.enabled=false",
                        "--recoup.analytics.state-retention-days=" + opts.getOrDefault("retention", "3")))) {
            rows.add(EndToEndBenchmark.row("startup incl. migrations", EndToEndBenchmark.ms((System.nanoTime() - started) / 1e6), url));
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            FlowAggregates aggregates = app.getBean(FlowAggregates.class);
            List<Double> maintainMs = new ArrayList<>();
            List<Double> generateMs = new ArrayList<>();
            LocalDate last = first.plusDays(days - 1);
            LocalDate lastReal = first.plusDays(realDays - 1);
            for (LocalDate d = first; !d.isAfter(lastReal); d = d.plusDays(1)) {
                boolean done = jdbc.sql("SELECT COUNT(*) FROM kpi_position_daily WHERE as_of = ?").param(d)
                        .query(Long.class).single() > 0;
                if (done) {
                    continue;
                }
                if (!d.equals(first)) {
                    long g = System.nanoTime();
                    generateDay(jdbc, d.minusDays(1), d);
                    generateMs.add((System.nanoTime() - g) / 1e6);
                }
                FlowAggregates.Maintained m = aggregates.maintain(d);
                maintainMs.add((double) m.millis());
                System.err.printf(Locale.ROOT, "%s: aggregates in %,d ms (%d position, %d flow, %d vintage rows, %,d states pruned)%n",
                        d, m.millis(), m.positionRows(), m.flowRows(), m.vintageRows(), m.prunedStates());
            }
            int copied = 0;
            for (LocalDate d = lastReal.plusDays(1); !d.isAfter(last); d = d.plusDays(1)) {
                copied += copyAggregates(jdbc, first.plusDays(1 + (int) ((d.toEpochDay() - first.toEpochDay()) % (realDays - 1))), d);
            }
            if (realDays < days) {
                rows.add(EndToEndBenchmark.row("dates " + lastReal.plusDays(1) + " … " + last + ": aggregates copied",
                        copied + " dates copied now", "from the real dates 2 … " + realDays + " (cyclic), see docs/benchmarks.md"));
            }
            long accounts = jdbc.sql("SELECT COUNT(*) FROM account").query(Long.class).single();
            long aggDays = jdbc.sql("SELECT COUNT(DISTINCT as_of) FROM kpi_position_daily").query(Long.class).single();
            rows.add(EndToEndBenchmark.row("accounts / business dates with aggregates", accounts + " / " + aggDays,
                    first + " … " + last));
            if (!generateMs.isEmpty()) {
                rows.add(EndToEndBenchmark.row("generate one day of states + payments (bench only), p50 / max",
                        EndToEndBenchmark.ms(pct(generateMs, 50)) + " / " + EndToEndBenchmark.ms(pct(generateMs, 100)),
                        generateMs.size() + " days"));
            }
            if (!maintainMs.isEmpty()) {
                rows.add(EndToEndBenchmark.row("maintain the aggregates of one date (listener of the run), p50 / p95 / max",
                        EndToEndBenchmark.ms(pct(maintainMs, 50)) + " / " + EndToEndBenchmark.ms(pct(maintainMs, 95))
                                + " / " + EndToEndBenchmark.ms(pct(maintainMs, 100)),
                        maintainMs.size() + " dates, 1 transaction each, incl. pruning old states"));
            }
            rows.add(EndToEndBenchmark.row("database size", jdbc.sql(
                    "SELECT pg_size_pretty(pg_database_size(current_database()))").query(String.class).single(), ""));
            rows.add(EndToEndBenchmark.row("kpi_* aggregate tables", jdbc.sql("""
                    SELECT pg_size_pretty(pg_total_relation_size('kpi_position_daily') + pg_total_relation_size('kpi_flow_daily')
                           + pg_total_relation_size('kpi_vintage_daily'))""").query(String.class).single(), ""));

            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            List<String> filters = filters(jdbc, first, last);
            HttpClient http = HttpClient.newHttpClient();
            String auth = "Basic " + Base64.getEncoder().encodeToString("admin:bench".getBytes(StandardCharsets.UTF_8));
            for (String dashboard : DASHBOARDS) {
                List<Double> times = new ArrayList<>();
                long bytes = 0;
                for (int r = -1; r < repeats; r++) {
                    for (String filter : filters) {
                        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                + "/api/v1/kpis/" + dashboard + "?" + filter)).header("Authorization", auth).GET().build();
                        long t = System.nanoTime();
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        double ms = (System.nanoTime() - t) / 1e6;
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException(dashboard + "?" + filter + ": HTTP " + response.statusCode()
                                    + " " + response.body());
                        }
                        if (r >= 0) { // the first round warms up
                            times.add(ms);
                            bytes = Math.max(bytes, response.body().length());
                        }
                    }
                }
                rows.add(EndToEndBenchmark.row("GET /api/v1/kpis/" + dashboard + " p50 / p95 / max",
                        String.format(Locale.ROOT, "%.0f / %.0f / %.0f ms", pct(times, 50), pct(times, 95), pct(times, 100)),
                        times.size() + " requests over " + filters.size() + " filters; largest answer " + bytes / 1024 + " KiB"));
            }
        }
        System.out.println();
        System.out.println("| Measure | Result | Note |");
        System.out.println("|---|---|---|");
        for (String[] row : rows) {
            System.out.println("| " + row[0] + " | " + row[1] + " | " + row[2] + " |");
        }
    }

    /** The filters the dashboards are asked with: whole history, last 30 days, a portfolio, a product, a team. */
    private static List<String> filters(JdbcClient jdbc, LocalDate first, LocalDate last) {
        List<String> filters = new ArrayList<>();
        filters.add("from=" + first + "&to=" + last);
        filters.add("");
        filters.add("from=" + last.minusDays(6) + "&to=" + last);
        String portfolio = jdbc.sql("SELECT portfolio FROM account GROUP BY portfolio ORDER BY COUNT(*) DESC LIMIT 1")
                .query(String.class).single();
        filters.add("portfolio=" + portfolio + "&from=" + first + "&to=" + last);
        filters.add("product=CREDIT_CARD");
        filters.add("team=early&from=" + first + "&to=" + last);
        filters.add("team=late&product=CONSUMER_LOAN");
        return filters;
    }

    /**
     * One more business date: every account's state of {@code from} moves on to {@code to}. Deterministic by a hash of
     * (account, date): current accounts enter collections (0.4 %), delinquent ones cure by paying their overdue amount
     * (2.5 %) or pay a tenth of it (1.5 %) or age by a day. Bucket, stage, aging and risk class follow the shipped
     * delinquency policy's bands.
     */
    static void generateDay(JdbcClient jdbc, LocalDate from, LocalDate to) {
        // an interrupted earlier invocation may have left part of the day
        jdbc.sql("DELETE FROM payment WHERE payment_id LIKE ?").param("KB-" + to + "-%").update();
        jdbc.sql("DELETE FROM account_state WHERE as_of = ?").param(to).update();
        long runId = jdbc.sql("""
                INSERT INTO daily_run (as_of, status, accounts_total, accounts_done, requested_by, requested_at,
                                       started_at, finished_at, strategies)
                VALUES (?, 'SUCCEEDED', 0, 0, 'kpiflow-bench', ?, ?, ?, 'generated') RETURNING run_id""")
                .params(to, Timestamp.from(Instant.now()), Timestamp.from(Instant.now()), Timestamp.from(Instant.now()))
                .query(Long.class).single();
        String step = "(SELECT s.*, (abs(hashtext(s.account_id || '" + to + "')) % 1000) AS h FROM account_state s"
                + " WHERE s.as_of = DATE '" + from + "')";
        jdbc.sql("""
                INSERT INTO payment (payment_id, account_id, paid_at, amount_minor, channel, source)
                SELECT 'KB-' || :to || '-' || account_id, account_id, :paidAt,
                       CASE WHEN h < 25 THEN overdue_total_minor ELSE GREATEST(overdue_total_minor / 10, 1) END,
                       'BANK_TRANSFER', 'IMPORT'
                FROM STEP st WHERE dpd > 0 AND h < 40 AND overdue_total_minor > 0""".replace("STEP", step))
                .param("to", to.toString()).param("paidAt", Timestamp.from(to.atTime(12, 0).toInstant(java.time.ZoneOffset.UTC)))
                .update();
        jdbc.sql("""
                INSERT INTO account_state (as_of, account_id, run_id, currency, dpd, bucket, stage, aging_bucket, risk_class,
                    overdue_principal_minor, overdue_interest_minor, overdue_fees_minor, overdue_penalty_minor,
                    overdue_total_minor, outstanding_principal_minor, penalty_accrued_minor, unapplied_credit_minor,
                    oldest_unpaid_due_date, policy_version)
                SELECT :to, n.account_id, :runId, n.currency, n.dpd,
                       CASE WHEN n.dpd = 0 THEN 'M0' WHEN n.dpd <= 30 THEN 'M1' WHEN n.dpd <= 60 THEN 'M2'
                            WHEN n.dpd <= 90 THEN 'M3' WHEN n.dpd <= 120 THEN 'M4' WHEN n.dpd <= 150 THEN 'M5'
                            WHEN n.dpd <= 180 THEN 'M6' ELSE 'M6+' END,
                       CASE WHEN n.dpd = 0 THEN 'CURRENT' WHEN n.dpd <= 29 THEN 'EARLY' WHEN n.dpd <= 89 THEN 'MID'
                            WHEN n.dpd <= 149 THEN 'LATE' ELSE 'LEGAL' END,
                       CASE WHEN n.dpd = 0 THEN 'CURRENT' WHEN n.dpd < 365 THEN 'Y0_1' WHEN n.dpd < 730 THEN 'Y1_2'
                            WHEN n.dpd < 1095 THEN 'Y2_3' WHEN n.dpd < 1460 THEN 'Y3_4' WHEN n.dpd < 1825 THEN 'Y4_5'
                            ELSE 'Y5_PLUS' END,
                       CASE WHEN n.dpd = 0 THEN 'NOT_DUE' WHEN n.risk_class = 'DEAD' THEN 'DEAD'
                            WHEN n.dpd < 181 THEN 'OVERDUE' WHEN n.dpd < 366 THEN 'DOUBTFUL' ELSE 'BAD' END,
                       n.op, n.oi, n.ofe, n.openalty, n.op + n.oi + n.ofe + n.openalty, n.outstanding,
                       n.penalty_accrued_minor, n.unapplied_credit_minor,
                       CASE WHEN n.dpd = 0 THEN NULL ELSE n.oldest_unpaid_due_date END, n.policy_version
                FROM (SELECT st.account_id, st.currency, st.risk_class, st.penalty_accrued_minor,
                             st.unapplied_credit_minor, st.policy_version,
                             COALESCE(st.oldest_unpaid_due_date, CAST(:to AS DATE) - 1) AS oldest_unpaid_due_date,
                             CASE WHEN st.dpd = 0 AND st.h < 4 THEN 1
                                  WHEN st.dpd = 0 THEN 0
                                  WHEN st.h < 25 THEN 0
                                  ELSE st.dpd + 1 END AS dpd,
                             CASE WHEN st.dpd > 0 AND st.h < 25 THEN 0
                                  WHEN st.dpd > 0 AND st.h < 40 THEN st.overdue_principal_minor
                                       - LEAST(st.overdue_principal_minor, GREATEST(st.overdue_total_minor / 10, 1))
                                  WHEN st.dpd = 0 AND st.h < 4 THEN LEAST(st.outstanding_principal_minor / 12,
                                                                           st.outstanding_principal_minor)
                                  ELSE st.overdue_principal_minor END AS op,
                             CASE WHEN st.dpd > 0 AND st.h < 25 THEN 0 ELSE st.overdue_interest_minor END AS oi,
                             CASE WHEN st.dpd > 0 AND st.h < 25 THEN 0 ELSE st.overdue_fees_minor END AS ofe,
                             CASE WHEN st.dpd > 0 AND st.h < 25 THEN 0 ELSE st.overdue_penalty_minor END AS openalty,
                             CASE WHEN st.dpd > 0 AND st.h < 25
                                      THEN GREATEST(st.outstanding_principal_minor - st.overdue_principal_minor, 0)
                                  WHEN st.dpd > 0 AND st.h < 40
                                      THEN GREATEST(st.outstanding_principal_minor
                                          - LEAST(st.overdue_principal_minor, GREATEST(st.overdue_total_minor / 10, 1)), 0)
                                  ELSE st.outstanding_principal_minor END AS outstanding
                      FROM STEP st) n""".replace("STEP", step)).param("to", to).param("runId", runId).update();
        jdbc.sql("ANALYZE account_state").update();
        long states = jdbc.sql("SELECT COUNT(*) FROM account_state WHERE as_of = ?").param(to).query(Long.class).single();
        jdbc.sql("UPDATE daily_run SET accounts_total = ?, accounts_done = ? WHERE run_id = ?")
                .params(states, states, runId).update();
    }

    /**
     * The aggregate rows of a date that the real maintenance produced, written again for a later date (flows from the
     * day before it, vintages at that date's months on book): used when the machine is too busy to generate and
     * maintain all 90 dates; the dashboards then read as many rows as after 90 real dates. Skips dates already present.
     */
    static int copyAggregates(JdbcClient jdbc, LocalDate source, LocalDate target) {
        if (jdbc.sql("SELECT COUNT(*) FROM kpi_position_daily WHERE as_of = ?").param(target).query(Long.class).single() > 0) {
            return 0;
        }
        jdbc.sql("""
                INSERT INTO kpi_position_daily (as_of, portfolio, product, team, currency, bucket, aging_bucket, risk_class,
                                                accounts, overdue_minor, outstanding_minor)
                SELECT ?, portfolio, product, team, currency, bucket, aging_bucket, risk_class, accounts, overdue_minor,
                       outstanding_minor FROM kpi_position_daily WHERE as_of = ?""").params(target, source).update();
        jdbc.sql("""
                INSERT INTO kpi_flow_daily (as_of, from_as_of, portfolio, product, team, currency, from_bucket, to_bucket,
                                            from_delinquent, to_delinquent, accounts, from_overdue_minor,
                                            from_outstanding_minor, paying_accounts, recovered_minor)
                SELECT ?, ?, portfolio, product, team, currency, from_bucket, to_bucket, from_delinquent, to_delinquent,
                       accounts, from_overdue_minor, from_outstanding_minor, paying_accounts, recovered_minor
                FROM kpi_flow_daily WHERE as_of = ?""").params(target, target.minusDays(1), source).update();
        int months = target.getYear() * 12 + target.getMonthValue();
        jdbc.sql("""
                INSERT INTO kpi_vintage_daily (as_of, portfolio, product, team, currency, open_month, mob, accounts,
                                               principal_minor, delinquent_accounts, dpd30_accounts, dpd90_accounts,
                                               dpd90_outstanding_minor)
                SELECT ?, portfolio, product, team, currency, open_month, ? - ((open_month / 100) * 12 + open_month % 100),
                       accounts, principal_minor, delinquent_accounts, dpd30_accounts, dpd90_accounts, dpd90_outstanding_minor
                FROM kpi_vintage_daily WHERE as_of = ?""").params(target, months, source).update();
        return 1;
    }

    static double pct(List<Double> values, int percentile) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int i = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}
