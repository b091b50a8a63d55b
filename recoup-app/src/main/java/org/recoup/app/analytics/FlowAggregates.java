package org.recoup.app.analytics;

import java.sql.DatabaseMetaData;
import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.recoup.app.dailyrun.RunCompleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Maintains the portfolio-flow aggregates ({@code kpi_position_daily}, {@code kpi_flow_daily},
 * {@code kpi_vintage_daily}) of a business date after its daily run completed: one set-based {@code SELECT … GROUP BY}
 * over the date's {@code account_state} (joined to the previous date's, for flows) whose few thousand fine-grained
 * rows are summed into the three tables, in one transaction that first deletes the date's rows, so a rerun of the
 * date replaces them. When the date already had a successor
 * with aggregates, that successor's flows (which start from this date) are rebuilt too.
 *
 * <p>Dimensions: portfolio and product of the account, team of the borrower's case when the date's run finished
 * ({@code case_assignment}, or its history when the case was reassigned since; '' when unassigned), currency.
 * Optionally prunes {@code account_state} snapshots older than the {@code recoup.analytics.state-retention-days}
 * latest aggregated business dates (0, the default: keep all); the aggregation reads only the date and the previous
 * one (docs/analytics.md).
 */
@Service
public class FlowAggregates {

    private static final Logger log = LoggerFactory.getLogger(FlowAggregates.class);
    private static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate transaction;
    private final int retentionDays;
    private final boolean postgres;

    FlowAggregates(JdbcClient jdbc, JdbcTemplate batch, PlatformTransactionManager transactions, DataSource dataSource,
                   @Value("${recoup.analytics.state-retention-days:0}") int retentionDays) {
        if (retentionDays < 0 || retentionDays == 1) {
            throw new IllegalArgumentException("recoup.analytics.state-retention-days must be 0 (keep all) or at least 2"
                    + " (the date and the previous one), was "
                    + retentionDays);
        }
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.retentionDays = retentionDays;
        this.batch = batch;
        boolean pg;
        try {
            pg = "PostgreSQL".equals(JdbcUtils.extractDatabaseMetaData(dataSource,
                    DatabaseMetaData::getDatabaseProductName));
        } catch (MetaDataAccessException e) {
            pg = false;
        }
        this.postgres = pg;
    }

    /** After every completed daily run (after the queue's routing, so the new cases' teams are known). */
    @EventListener
    @Order(Ordered.LOWEST_PRECEDENCE)
    void runCompleted(RunCompleted run) {
        try {
            maintain(run.asOf());
        } catch (RuntimeException e) {
            // never in the way of the other listeners; the date's aggregates stay as they were (rolled back)
            log.error("KPI aggregates of {} (run {}) could not be maintained", run.asOf(), run.runId(), e);
        }
    }

    /** What one maintenance wrote. */
    public record Maintained(LocalDate asOf, Optional<LocalDate> fromAsOf, int positionRows, int flowRows,
                             int vintageRows, int prunedStates, long millis) {
    }

    /** Rebuilds the aggregates of {@code asOf} (and the flows of its successor, if that has aggregates already). */
    public Maintained maintain(LocalDate asOf) {
        long started = System.nanoTime();
        Maintained done = transaction.execute(tx -> {
            tune();
            Optional<LocalDate> from = previousDate(asOf);
            int[] rows = rebuild(asOf, from, true);
            Optional<LocalDate> next = jdbc.sql("SELECT MIN(as_of) FROM kpi_position_daily WHERE as_of > ?")
                    .param(asOf).query(LocalDate.class).optional();
            if (next.isPresent() && previousDate(next.get()).filter(asOf::equals).isPresent()) {
                rebuild(next.get(), Optional.of(asOf), false);
            }
            int pruned = prune(asOf);
            return new Maintained(asOf, from, rows[0], rows[1], rows[2], pruned, 0);
        });
        long millis = (System.nanoTime() - started) / 1_000_000;
        log.info("KPI aggregates of {} maintained in {} ms: {} position, {} flow, {} vintage row(s); {} state(s) pruned",
                asOf, millis, done.positionRows(), done.flowRows(), done.vintageRows(), done.prunedStates());
        return new Maintained(done.asOf(), done.fromAsOf(), done.positionRows(), done.flowRows(), done.vintageRows(),
                done.prunedStates(), millis);
    }

    /**
     * On PostgreSQL, for this transaction: memory for the hash joins and the hash aggregate of one pass over a million
     * states, no JIT, and hash joins only — the day's payments are often estimated at a handful of rows (fresh rows,
     * old statistics) and a nested loop over a million states against them takes hours instead of seconds.
     */
    private void tune() {
        if (postgres) {
            jdbc.sql("SET LOCAL work_mem = '128MB'").update();
            jdbc.sql("SET LOCAL jit = off").update();
            jdbc.sql("SET LOCAL enable_nestloop = off").update();
            jdbc.sql("SET LOCAL enable_sort = off").update();
        }
    }

    private Optional<LocalDate> previousDate(LocalDate asOf) {
        return jdbc.sql("SELECT MAX(as_of) FROM account_state WHERE as_of < ?").param(asOf).query(LocalDate.class)
                .optional();
    }

    /**
     * One set-based pass over the date's states (joined to the previous date's state, the account, the borrower's
     * case assignment and the day's payments) grouped finely enough — dimensions × bucket × aging bucket × risk class
     * × open month × dpd band × previous bucket — that the three aggregates are sums of its rows (a few thousand,
     * whatever the number of accounts). Flows only when {@code positions} is false.
     */
    private int[] rebuild(LocalDate asOf, Optional<LocalDate> from, boolean positions) {
        Map<String, Object> params = new HashMap<>();
        params.put("asOf", asOf);
        params.put("fromAsOf", from.orElse(asOf));
        // the team holding the case when the date's run finished: routing that follows the run (of the cases it
        // opened) counts from the next date on, whatever the order of the run's listeners
        Timestamp runEnd = jdbc.sql("SELECT MAX(finished_at) FROM daily_run WHERE as_of = ? AND status = 'SUCCEEDED'")
                .param(asOf).query(Timestamp.class).optional().orElse(null);
        params.put("runEnd", runEnd != null ? runEnd : Timestamp.valueOf("9999-12-31 00:00:00"));
        String paymentWindow = from.isPresent() ? paymentWindow(from.get(), asOf, params)
                : "SELECT account_id, amount_minor AS amount FROM payment WHERE 1 = 0";
        String previous = from.isPresent() ? "LEFT JOIN account_state f ON f.as_of = :fromAsOf AND f.account_id = s.account_id"
                : "LEFT JOIN account_state f ON 1 = 0";
        Map<PositionKey, long[]> positionSums = new HashMap<>();
        Map<VintageKey, long[]> vintageSums = new HashMap<>();
        Map<FlowKey, long[]> flowSums = new HashMap<>();
        jdbc.sql("""
                SELECT m.portfolio, m.product, m.team, m.currency, m.bucket, m.aging_bucket, m.risk_class,
                       m.open_month, m.band, m.from_bucket, m.from_delinquent,
                       COUNT(*), SUM(m.overdue), SUM(m.outstanding), SUM(m.principal), SUM(m.from_overdue),
                       SUM(m.from_outstanding), SUM(CASE WHEN m.paid IS NULL THEN 0 ELSE 1 END), COALESCE(SUM(m.paid), 0)
                FROM (SELECT COALESCE(a.portfolio, '') AS portfolio, a.product,
                             COALESCE(CASE WHEN ca.case_id IS NULL THEN NULL
                                           WHEN ca.assigned_at < :runEnd THEN ca.team
                                           ELSE (SELECT h.team FROM case_assignment_history h
                                                 WHERE h.case_id = ca.case_id AND h.assigned_at < :runEnd
                                                 ORDER BY h.seq DESC FETCH FIRST 1 ROWS ONLY) END, '') AS team,
                             s.currency, s.bucket, s.aging_bucket, s.risk_class,
                             CASE WHEN a.open_date <= :asOf
                                  THEN CAST(EXTRACT(YEAR FROM a.open_date) AS INTEGER) * 100
                                       + CAST(EXTRACT(MONTH FROM a.open_date) AS INTEGER)
                                  ELSE 0 END AS open_month,
                             CASE WHEN s.dpd = 0 THEN 0 WHEN s.dpd <= 30 THEN 1 WHEN s.dpd <= 90 THEN 2 ELSE 3 END AS band,
                             COALESCE(f.bucket, '') AS from_bucket,
                             CASE WHEN f.dpd > 0 THEN 1 ELSE 0 END AS from_delinquent,
                             s.overdue_total_minor AS overdue, s.outstanding_principal_minor AS outstanding,
                             a.principal_minor AS principal,
                             COALESCE(f.overdue_total_minor, 0) AS from_overdue,
                             COALESCE(f.outstanding_principal_minor, 0) AS from_outstanding,
                             pay.amount AS paid
                      FROM account_state s
                      JOIN account a ON a.account_id = s.account_id
                      LEFT JOIN (SELECT ap.account_id, MIN(ap.party_id) AS party_id FROM account_party ap
                                 WHERE ap.role = 'BORROWER' GROUP BY ap.account_id) b ON b.account_id = s.account_id
                      LEFT JOIN case_assignment ca ON ca.case_id = 'C-' || b.party_id
                      """ + previous + """

                      LEFT JOIN (""" + paymentWindow + """
                                ) pay ON pay.account_id = s.account_id
                      WHERE s.as_of = :asOf) m
                GROUP BY m.portfolio, m.product, m.team, m.currency, m.bucket, m.aging_bucket, m.risk_class,
                         m.open_month, m.band, m.from_bucket, m.from_delinquent""").params(params).query(rs -> {
            Dims dims = new Dims(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4).strip());
            String bucket = rs.getString(5);
            int openMonth = rs.getInt(8);
            int band = rs.getInt(9);
            String fromBucket = rs.getString(10);
            boolean fromDelinquent = rs.getInt(11) == 1;
            long accounts = rs.getLong(12);
            long overdue = rs.getLong(13);
            long outstanding = rs.getLong(14);
            add(positionSums, new PositionKey(dims, bucket, rs.getString(6), rs.getString(7)), accounts, overdue,
                    outstanding);
            if (openMonth > 0) {
                add(vintageSums, new VintageKey(dims, openMonth), accounts, rs.getLong(15),
                        band > 0 ? accounts : 0, band > 1 ? accounts : 0, band > 2 ? accounts : 0,
                        band > 2 ? outstanding : 0);
            }
            if (!fromBucket.isEmpty()) {
                add(flowSums, new FlowKey(dims, fromBucket, bucket, fromDelinquent, band > 0), accounts,
                        rs.getLong(16), rs.getLong(17), rs.getLong(18), rs.getLong(19));
            }
        });
        int[] written = new int[3];
        if (positions) {
            jdbc.sql("DELETE FROM kpi_position_daily WHERE as_of = ?").param(asOf).update();
            jdbc.sql("DELETE FROM kpi_vintage_daily WHERE as_of = ?").param(asOf).update();
            written[0] = insert("""
                    INSERT INTO kpi_position_daily (as_of, portfolio, product, team, currency, bucket, aging_bucket,
                                                    risk_class, accounts, overdue_minor, outstanding_minor)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", positionSums.entrySet().stream().map(e -> new Object[] {
                    asOf, e.getKey().dims.portfolio, e.getKey().dims.product, e.getKey().dims.team,
                    e.getKey().dims.currency, e.getKey().bucket, e.getKey().aging, e.getKey().risk,
                    e.getValue()[0], e.getValue()[1], e.getValue()[2]}).toList());
            int asOfMonths = asOf.getYear() * 12 + asOf.getMonthValue();
            written[2] = insert("""
                    INSERT INTO kpi_vintage_daily (as_of, portfolio, product, team, currency, open_month, mob, accounts,
                                                   principal_minor, delinquent_accounts, dpd30_accounts, dpd90_accounts,
                                                   dpd90_outstanding_minor)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", vintageSums.entrySet().stream().map(e -> {
                int month = e.getKey().openMonth;
                long[] v = e.getValue();
                return new Object[] {asOf, e.getKey().dims.portfolio, e.getKey().dims.product, e.getKey().dims.team,
                        e.getKey().dims.currency, month, asOfMonths - (month / 100 * 12 + month % 100), v[0], v[1], v[2],
                        v[3], v[4], v[5]};
            }).toList());
        }
        jdbc.sql("DELETE FROM kpi_flow_daily WHERE as_of = ?").param(asOf).update();
        written[1] = from.isEmpty() ? 0 : insert("""
                INSERT INTO kpi_flow_daily (as_of, from_as_of, portfolio, product, team, currency, from_bucket,
                                            to_bucket, from_delinquent, to_delinquent, accounts, from_overdue_minor,
                                            from_outstanding_minor, paying_accounts, recovered_minor)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", flowSums.entrySet().stream().map(e -> {
            FlowKey k = e.getKey();
            long[] v = e.getValue();
            return new Object[] {asOf, from.get(), k.dims.portfolio, k.dims.product, k.dims.team, k.dims.currency,
                    k.fromBucket, k.toBucket, k.fromDelinquent, k.toDelinquent, v[0], v[1], v[2], v[3], v[4]};
        }).toList());
        return written;
    }

    private record Dims(String portfolio, String product, String team, String currency) {
    }

    private record PositionKey(Dims dims, String bucket, String aging, String risk) {
    }

    private record VintageKey(Dims dims, int openMonth) {
    }

    private record FlowKey(Dims dims, String fromBucket, String toBucket, boolean fromDelinquent,
                           boolean toDelinquent) {
    }

    private static <K> void add(Map<K, long[]> sums, K key, long... values) {
        long[] sum = sums.computeIfAbsent(key, k -> new long[values.length]);
        for (int i = 0; i < values.length; i++) {
            sum[i] += values[i];
        }
    }

    private int insert(String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        for (int i = 0; i < rows.size(); i += 1000) {
            batch.batchUpdate(sql, rows.subList(i, Math.min(rows.size(), i + 1000)));
        }
        return rows.size();
    }

    /**
     * Payments per account whose value date (local date of {@code paid_at} in the borrower's time zone, as the daily
     * run dates them) lies in {@code (from, asOf]}: one instant range per time zone in use, inside one overall range
     * that the {@code payment_paid_at_ix} index answers.
     */
    private String paymentWindow(LocalDate from, LocalDate asOf, Map<String, Object> params) {
        List<String> zones = jdbc.sql("SELECT DISTINCT time_zone FROM party").query(String.class).list();
        List<String> clauses = new ArrayList<>();
        java.time.Instant lowest = null;
        java.time.Instant highest = null;
        for (int i = 0; i < zones.size(); i++) {
            ZoneId zone = zone(zones.get(i));
            java.time.Instant lo = from.plusDays(1).atStartOfDay(zone).toInstant();
            java.time.Instant hi = asOf.plusDays(1).atStartOfDay(zone).toInstant();
            lowest = lowest == null || lo.isBefore(lowest) ? lo : lowest;
            highest = highest == null || hi.isAfter(highest) ? hi : highest;
            params.put("z" + i, zones.get(i));
            params.put("lo" + i, Timestamp.from(lo));
            params.put("hi" + i, Timestamp.from(hi));
            clauses.add("(z.time_zone = :z" + i + " AND p.paid_at >= :lo" + i + " AND p.paid_at < :hi" + i + ")");
        }
        if (clauses.isEmpty()) {
            clauses.add("1 = 0");
            lowest = from.atStartOfDay(DEFAULT_ZONE).toInstant();
            highest = lowest;
        }
        params.put("payLo", Timestamp.from(lowest));
        params.put("payHi", Timestamp.from(highest));
        return """
                SELECT p.account_id, SUM(p.amount_minor) AS amount
                FROM payment p
                JOIN party z ON z.party_id = (SELECT MIN(ap.party_id) FROM account_party ap
                                              WHERE ap.account_id = p.account_id AND ap.role = 'BORROWER')
                WHERE p.paid_at >= :payLo AND p.paid_at < :payHi AND (""" + String.join(" OR ", clauses) + """
                )
                GROUP BY p.account_id""";
    }

    private static ZoneId zone(String name) {
        try {
            return name == null || name.isBlank() ? DEFAULT_ZONE : ZoneId.of(name.strip());
        } catch (DateTimeException e) {
            return DEFAULT_ZONE;
        }
    }

    /** Keeps the states of the {@code retentionDays} latest aggregated business dates up to {@code asOf}. */
    private int prune(LocalDate asOf) {
        if (retentionDays == 0) {
            return 0;
        }
        List<LocalDate> kept = jdbc.sql("""
                SELECT DISTINCT as_of FROM kpi_position_daily WHERE as_of <= ? ORDER BY as_of DESC
                FETCH FIRST %d ROWS ONLY""".formatted(retentionDays)).param(asOf).query(LocalDate.class).list();
        if (kept.size() < retentionDays) {
            return 0;
        }
        return jdbc.sql("DELETE FROM account_state WHERE as_of < ?").param(kept.getLast()).update();
    }
}
