package org.recoup.app.analytics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.recoup.app.web.AmountFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the {@link PortfolioOverview} with a handful of set-based queries: the latest {@code as_of} (top of the
 * {@code account_state} primary key), one {@code GROUP BY currency, bucket, stage} over that date's states, the run of
 * that date and an account count. Buckets and stages are ordered by the lowest dpd seen in each, which is the policy's
 * order whatever the configured names are.
 */
@Service
public class PortfolioOverviews {

    /** The contract's pre-due stage shares dpd 0 with the current stage and comes first. */
    private static final String PRE_DUE = "PRE_DUE";

    private final JdbcClient jdbc;

    PortfolioOverviews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public PortfolioOverview latest(OverviewFilter filter) {
        long accountsInFile = accountsInFile(filter);
        Optional<LocalDate> asOf = jdbc.sql("SELECT MAX(as_of) FROM account_state").query(LocalDate.class).optional();
        if (asOf.isEmpty()) {
            return PortfolioOverview.noRunYet(filter, accountsInFile);
        }
        List<Group> groups = groups(asOf.get(), filter);
        return PortfolioOverview.of(asOf.get(), run(asOf.get()).orElse(null), filter, accountsInFile, byCurrency(groups));
    }

    /** Portfolio names in the debt file, for the filter. */
    @Transactional(readOnly = true)
    public List<String> portfolios() {
        return jdbc.sql("SELECT DISTINCT portfolio FROM account WHERE portfolio IS NOT NULL ORDER BY portfolio")
                .query(String.class).list();
    }

    private long accountsInFile(OverviewFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM account a WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        where(sql, params, filter);
        return jdbc.sql(sql.toString()).params(params).query(Long.class).single();
    }

    private List<Group> groups(LocalDate asOf, OverviewFilter filter) {
        StringBuilder sql = new StringBuilder("""
                SELECT s.currency, s.bucket, s.stage,
                       COUNT(*) AS accounts,
                       SUM(CASE WHEN s.dpd > 0 THEN 1 ELSE 0 END) AS accounts_overdue,
                       SUM(s.overdue_total_minor) AS overdue_minor,
                       MIN(s.dpd) AS min_dpd
                FROM account_state s""");
        if (filter.portfolio() != null || filter.product() != null) {
            sql.append(" JOIN account a ON a.account_id = s.account_id");
        }
        sql.append(" WHERE s.as_of = :asOf");
        Map<String, Object> params = new HashMap<>();
        params.put("asOf", asOf);
        where(sql, params, filter);
        sql.append(" GROUP BY s.currency, s.bucket, s.stage");
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, i) -> new Group(rs.getString("currency").strip(), rs.getString("bucket"), rs.getString("stage"),
                        rs.getLong("accounts"), rs.getLong("accounts_overdue"), rs.getLong("overdue_minor"),
                        rs.getInt("min_dpd")))
                .list();
    }

    private static void where(StringBuilder sql, Map<String, Object> params, OverviewFilter filter) {
        if (filter.portfolio() != null) {
            sql.append(" AND a.portfolio = :portfolio");
            params.put("portfolio", filter.portfolio());
        }
        if (filter.product() != null) {
            sql.append(" AND a.product = :product");
            params.put("product", filter.product());
        }
    }

    /** The run behind a date's states: the latest successful one, else the latest of any status. */
    private Optional<RunSummary> run(LocalDate asOf) {
        return jdbc.sql("""
                        SELECT run_id, status, finished_at FROM daily_run WHERE as_of = :asOf
                        ORDER BY CASE WHEN status = 'SUCCEEDED' THEN 0 ELSE 1 END, run_id DESC
                        FETCH FIRST 1 ROWS ONLY""")
                .param("asOf", asOf)
                .query((rs, i) -> new RunSummary(rs.getLong("run_id"), rs.getString("status"),
                        localTime(rs.getObject("finished_at", OffsetDateTime.class))))
                .optional();
    }

    private static OffsetDateTime localTime(OffsetDateTime instant) {
        return instant == null ? null : instant.atZoneSameInstant(ZoneId.systemDefault()).toOffsetDateTime();
    }

    private static List<CurrencyOverview> byCurrency(List<Group> groups) {
        List<String> buckets = policyOrder(groups, Group::bucket);
        List<String> stages = policyOrder(groups, Group::stage);
        Map<String, List<Group>> perCurrency = new LinkedHashMap<>();
        groups.forEach(g -> perCurrency.computeIfAbsent(g.currency(), c -> new ArrayList<>()).add(g));
        List<CurrencyOverview> result = new ArrayList<>();
        perCurrency.forEach((currency, rows) -> {
            List<Tally> byBucket = tallies(rows, buckets, Group::bucket);
            List<Tally> byStage = tallies(rows, stages, Group::stage);
            Tally total = byBucket.stream().reduce(Tally.zero("TOTAL"), Tally::plus);
            result.add(new CurrencyOverview(currency, AmountFormat.digitsOf(currency), byBucket, byStage, total));
        });
        result.sort(Comparator.comparingLong((CurrencyOverview c) -> c.total().accounts()).reversed()
                .thenComparing(CurrencyOverview::currency));
        return result;
    }

    /** Every group name that occurs, zero-filled per currency so all currencies share one axis. */
    private static List<Tally> tallies(List<Group> rows, List<String> order, Function<Group, String> key) {
        Map<String, Tally> byName = new LinkedHashMap<>();
        order.forEach(name -> byName.put(name, Tally.zero(name)));
        rows.forEach(g -> byName.merge(key.apply(g), g.tally(key.apply(g)), Tally::plus));
        return List.copyOf(byName.values());
    }

    private static List<String> policyOrder(List<Group> groups, Function<Group, String> key) {
        Map<String, Integer> minDpd = new HashMap<>();
        groups.forEach(g -> minDpd.merge(key.apply(g), g.minDpd(), Math::min));
        return minDpd.keySet().stream()
                .sorted(Comparator.comparing((String name) -> minDpd.get(name))
                        .thenComparing(name -> !name.equals(PRE_DUE))
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    private record Group(String currency, String bucket, String stage, long accounts, long accountsOverdue,
                         long overdueMinor, int minDpd) {
        Tally tally(String name) {
            return new Tally(name, accounts, accountsOverdue, overdueMinor);
        }
    }
}
