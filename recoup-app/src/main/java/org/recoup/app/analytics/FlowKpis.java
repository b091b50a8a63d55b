package org.recoup.app.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.recoup.app.delinquency.DelinquencyPolicies;
import org.recoup.app.export.Table;
import org.recoup.app.export.Table.Kind;
import org.recoup.app.security.Actor;
import org.recoup.app.security.CaseScope;
import org.recoup.app.security.Role;
import org.recoup.engine.delinquency.Band;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The portfolio-flow KPIs of docs/kpis.md, read only from the daily aggregates ({@link FlowAggregates}). Every rate
 * over a date range is Σ numerator / Σ denominator over the business dates of the range (so a range rate is the
 * account-weighted or amount-weighted average of the daily rates); amounts are never added across currencies; rates
 * are rounded to 4 decimals (half up), amounts are in major units of their currency.
 */
@Service
public class FlowKpis {

    /** Default range: the last 30 aggregated calendar days. */
    static final int DEFAULT_DAYS = 30;
    /** Delinquency thresholds of the vintage figures (docs/kpis.md). */
    static final int VINTAGE_DPD_30 = 30;
    static final int VINTAGE_DPD_90 = 90;

    private static final List<String> RISK_ORDER = List.of("NOT_DUE", "OVERDUE", "DOUBTFUL", "BAD", "DEAD");

    private final JdbcClient jdbc;
    private final DelinquencyPolicies policies;
    private final MessageSource messages;
    private final CaseScope scope;

    FlowKpis(JdbcClient jdbc, DelinquencyPolicies policies, MessageSource messages, CaseScope scope) {
        this.jdbc = jdbc;
        this.policies = policies;
        this.messages = messages;
        this.scope = scope;
    }

    @Transactional(readOnly = true)
    public FlowReport report(FlowDashboard dashboard, FlowFilter requested, Locale locale) {
        FlowFilter filter = resolve(forTeamLead(requested));
        Labels labels = new Labels(locale);
        List<Table> tables = filter.to() == null ? empty(dashboard, labels) : switch (dashboard) {
            case BUCKET_MIX -> List.of(bucketMix(filter, labels));
            case ROLL_RATES -> List.of(rollRates(filter, labels));
            case CURE_RECOVERY -> cureRecovery(filter, labels);
            case VINTAGES -> List.of(vintages(filter, labels));
            case AGING -> List.of(aging(filter, labels));
        };
        return new FlowReport(dashboard.slug(), filter, tables);
    }

    /** A team lead sees their own team's figures whatever team was asked for (as the contact KPIs do). */
    private FlowFilter forTeamLead(FlowFilter requested) {
        Actor actor = scope.current().orElse(null);
        if (actor == null || actor.role() != Role.TEAM_LEAD) {
            return requested;
        }
        String team = actor.team() == null ? FlowFilter.UNASSIGNED : actor.team();
        return new FlowFilter(requested.portfolio(), requested.product(), team, requested.from(), requested.to());
    }

    /** Teams seen in the aggregates of the latest date (for the filter); '' is shown as unassigned. */
    @Transactional(readOnly = true)
    public List<String> teams() {
        return jdbc.sql("""
                SELECT DISTINCT team FROM kpi_position_daily
                WHERE as_of = (SELECT MAX(as_of) FROM kpi_position_daily) AND team <> '' ORDER BY team""")
                .query(String.class).list();
    }

    /** The latest business date with aggregates, if any. */
    @Transactional(readOnly = true)
    public Optional<LocalDate> latestDate() {
        return jdbc.sql("SELECT MAX(as_of) FROM kpi_position_daily").query(LocalDate.class).optional();
    }

    private FlowFilter resolve(FlowFilter filter) {
        LocalDate to = filter.to();
        if (to == null) {
            to = latestDate().orElse(null);
            if (to == null) {
                return filter;
            }
        }
        LocalDate from = filter.from() == null ? to.minusDays(DEFAULT_DAYS - 1) : filter.from();
        return filter.withRange(from, to);
    }

    // ---------------------------------------------------------------- bucket mix

    private Table bucketMix(FlowFilter filter, Labels l) {
        Query q = new Query("""
                SELECT as_of, currency, bucket, SUM(accounts) AS accounts, SUM(overdue_minor) AS overdue,
                       SUM(outstanding_minor) AS outstanding
                FROM kpi_position_daily WHERE as_of BETWEEN :from AND :to""", filter);
        q.sql.append(" GROUP BY as_of, currency, bucket");
        record Row(LocalDate asOf, String currency, String bucket, long accounts, long overdue, long outstanding) {
        }
        List<Row> rows = q.run().query((rs, n) -> new Row(rs.getObject(1, LocalDate.class), rs.getString(2).strip(),
                rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getLong(6))).list();
        Map<String, Long> totals = new HashMap<>();
        rows.forEach(r -> totals.merge(r.asOf + r.currency, r.accounts, Long::sum));
        Comparator<String> buckets = bucketOrder();
        Table.Builder table = l.table("bucketMix")
                .column("as_of", l.col("asOf"), Kind.DATE)
                .column("currency", l.col("currency"), Kind.TEXT)
                .column("bucket", l.col("bucket"), Kind.TEXT)
                .column("accounts", l.col("accounts"), Kind.INTEGER)
                .column("accounts_share", l.col("accountsShare"), Kind.RATE)
                .column("overdue", l.col("overdue"), Kind.AMOUNT)
                .column("outstanding", l.col("outstanding"), Kind.AMOUNT);
        rows.stream().sorted(Comparator.comparing(Row::asOf).thenComparing(Row::currency)
                        .thenComparing(Row::bucket, buckets))
                .forEach(r -> table.row(r.asOf, r.currency, r.bucket, r.accounts,
                        rate(r.accounts, totals.get(r.asOf + r.currency)), amount(r.overdue, r.currency),
                        amount(r.outstanding, r.currency)));
        return table.build();
    }

    // ---------------------------------------------------------------- roll rates

    private Table rollRates(FlowFilter filter, Labels l) {
        Query q = new Query("""
                SELECT currency, from_bucket, to_bucket, SUM(accounts) AS accounts,
                       SUM(from_outstanding_minor) AS outstanding
                FROM kpi_flow_daily WHERE as_of BETWEEN :from AND :to""", filter);
        q.sql.append(" GROUP BY currency, from_bucket, to_bucket");
        record Row(String currency, String from, String to, long accounts, long outstanding) {
        }
        List<Row> rows = q.run().query((rs, n) -> new Row(rs.getString(1).strip(), rs.getString(2), rs.getString(3),
                rs.getLong(4), rs.getLong(5))).list();
        Map<String, long[]> fromTotals = new HashMap<>();
        for (Row r : rows) {
            long[] t = fromTotals.computeIfAbsent(r.currency + "|" + r.from, k -> new long[2]);
            t[0] += r.accounts;
            t[1] += r.outstanding;
        }
        Comparator<String> buckets = bucketOrder();
        Table.Builder table = l.table("rollRates")
                .column("currency", l.col("currency"), Kind.TEXT)
                .column("from_bucket", l.col("fromBucket"), Kind.TEXT)
                .column("to_bucket", l.col("toBucket"), Kind.TEXT)
                .column("movement", l.col("movement"), Kind.TEXT)
                .column("accounts", l.col("accounts"), Kind.INTEGER)
                .column("from_accounts", l.col("fromAccounts"), Kind.INTEGER)
                .column("count_rate", l.col("countRate"), Kind.RATE)
                .column("outstanding", l.col("fromOutstanding"), Kind.AMOUNT)
                .column("from_outstanding", l.col("fromOutstandingTotal"), Kind.AMOUNT)
                .column("amount_rate", l.col("amountRate"), Kind.RATE);
        rows.stream().sorted(Comparator.comparing(Row::currency).thenComparing(Row::from, buckets)
                        .thenComparing(Row::to, buckets))
                .forEach(r -> {
                    long[] t = fromTotals.get(r.currency + "|" + r.from);
                    int move = buckets.compare(r.to, r.from);
                    String movement = move > 0 ? "ROLL_FORWARD" : move < 0 ? "ROLL_BACK" : "STAY";
                    table.row(r.currency, r.from, r.to, movement, r.accounts, t[0], rate(r.accounts, t[0]),
                            amount(r.outstanding, r.currency), amount(t[1], r.currency), rate(r.outstanding, t[1]));
                });
        return table.build();
    }

    // ---------------------------------------------------------------- cure, entry, recovery

    private List<Table> cureRecovery(FlowFilter filter, Labels l) {
        Query q = new Query("""
                SELECT as_of, currency, from_delinquent, to_delinquent, SUM(accounts) AS accounts,
                       SUM(from_overdue_minor) AS overdue, SUM(recovered_minor) AS recovered
                FROM kpi_flow_daily WHERE as_of BETWEEN :from AND :to""", filter);
        q.sql.append(" GROUP BY as_of, currency, from_delinquent, to_delinquent");
        Map<String, Flow> days = new TreeMap<>();
        Map<String, Flow> totals = new TreeMap<>();
        q.run().query((rs, n) -> {
            LocalDate asOf = rs.getObject(1, LocalDate.class);
            String currency = rs.getString(2).strip();
            boolean fromDelinquent = rs.getBoolean(3);
            boolean toDelinquent = rs.getBoolean(4);
            long accounts = rs.getLong(5);
            long overdue = rs.getLong(6);
            long recovered = rs.getLong(7);
            for (Flow f : List.of(days.computeIfAbsent(asOf + "|" + currency, k -> new Flow(asOf, currency)),
                    totals.computeIfAbsent(currency, k -> new Flow(null, currency)))) {
                f.add(fromDelinquent, toDelinquent, accounts, overdue, recovered);
            }
            return null;
        }).list();
        Table.Builder daily = cureColumns(l.table("cureRecovery"), l, true);
        days.values().forEach(f -> daily.row(f.cells(true).toArray()));
        Table.Builder total = cureColumns(l.table("cureRecoveryTotal"), l, false);
        totals.values().forEach(f -> total.row(f.cells(false).toArray()));
        return List.of(daily.build(), total.build());
    }

    private static Table.Builder cureColumns(Table.Builder table, Labels l, boolean daily) {
        if (daily) {
            table.column("as_of", l.col("asOf"), Kind.DATE);
        }
        return table.column("currency", l.col("currency"), Kind.TEXT)
                .column("delinquent_accounts", l.col("delinquentAccounts"), Kind.INTEGER)
                .column("cures", l.col("cures"), Kind.INTEGER)
                .column("cure_rate", l.col("cureRate"), Kind.RATE)
                .column("current_accounts", l.col("currentAccounts"), Kind.INTEGER)
                .column("entries", l.col("entries"), Kind.INTEGER)
                .column("entry_rate", l.col("entryRate"), Kind.RATE)
                .column("delinquent_overdue", l.col("delinquentOverdue"), Kind.AMOUNT)
                .column("recovered", l.col("recovered"), Kind.AMOUNT)
                .column("recovery_rate", l.col("recoveryRate"), Kind.RATE)
                .column("recovered_all", l.col("recoveredAll"), Kind.AMOUNT);
    }

    private static final class Flow {
        final LocalDate asOf;
        final String currency;
        long delinquent;
        long cures;
        long current;
        long entries;
        long overdue;
        long recovered;
        long recoveredAll;

        Flow(LocalDate asOf, String currency) {
            this.asOf = asOf;
            this.currency = currency;
        }

        void add(boolean fromDelinquent, boolean toDelinquent, long accounts, long fromOverdue, long paid) {
            recoveredAll += paid;
            if (fromDelinquent) {
                delinquent += accounts;
                overdue += fromOverdue;
                recovered += paid;
                if (!toDelinquent) {
                    cures += accounts;
                }
            } else {
                current += accounts;
                if (toDelinquent) {
                    entries += accounts;
                }
            }
        }

        List<Object> cells(boolean daily) {
            List<Object> cells = new ArrayList<>();
            if (daily) {
                cells.add(asOf);
            }
            cells.addAll(List.of(currency, delinquent, cures));
            cells.add(rate(cures, delinquent));
            cells.addAll(List.of(current, entries));
            cells.add(rate(entries, current));
            cells.add(amount(overdue, currency));
            cells.add(amount(recovered, currency));
            cells.add(rate(recovered, overdue));
            cells.add(amount(recoveredAll, currency));
            return cells;
        }
    }

    // ---------------------------------------------------------------- vintages

    private Table vintages(FlowFilter filter, Labels l) {
        List<LocalDate> dates = jdbc.sql("""
                SELECT DISTINCT as_of FROM kpi_position_daily WHERE as_of BETWEEN :from AND :to""")
                .param("from", filter.from()).param("to", filter.to()).query(LocalDate.class).list();
        // one point per cohort and month: the last aggregated date of each calendar month in the range
        Map<YearMonth, LocalDate> monthEnds = new TreeMap<>();
        dates.forEach(d -> monthEnds.merge(YearMonth.from(d), d, (a, b) -> a.isAfter(b) ? a : b));
        Table.Builder table = l.table("vintages")
                .column("currency", l.col("currency"), Kind.TEXT)
                .column("open_month", l.col("openMonth"), Kind.TEXT)
                .column("mob", l.col("mob"), Kind.INTEGER)
                .column("as_of", l.col("asOf"), Kind.DATE)
                .column("accounts", l.col("accounts"), Kind.INTEGER)
                .column("principal", l.col("principal"), Kind.AMOUNT)
                .column("delinquent_rate", l.col("delinquentRate"), Kind.RATE)
                .column("dpd30_rate", l.col("dpd30Rate"), Kind.RATE)
                .column("dpd90_rate", l.col("dpd90Rate"), Kind.RATE)
                .column("dpd90_outstanding", l.col("dpd90Outstanding"), Kind.AMOUNT)
                .column("loss_rate", l.col("lossRate"), Kind.RATE);
        if (monthEnds.isEmpty()) {
            return table.build();
        }
        Query q = new Query("""
                SELECT currency, open_month, mob, as_of, SUM(accounts), SUM(principal_minor), SUM(delinquent_accounts),
                       SUM(dpd30_accounts), SUM(dpd90_accounts), SUM(dpd90_outstanding_minor)
                FROM kpi_vintage_daily WHERE as_of IN (:dates)""", filter);
        q.params.put("dates", List.copyOf(monthEnds.values()));
        q.sql.append(" GROUP BY currency, open_month, mob, as_of ORDER BY currency, open_month, mob");
        q.run().query((rs, n) -> {
            String currency = rs.getString(1).strip();
            int month = rs.getInt(2);
            long accounts = rs.getLong(5);
            long principal = rs.getLong(6);
            long bad = rs.getLong(10);
            table.row(currency, String.format(Locale.ROOT, "%04d-%02d", month / 100, month % 100), rs.getInt(3),
                    rs.getObject(4, LocalDate.class), accounts, amount(principal, currency),
                    rate(rs.getLong(7), accounts), rate(rs.getLong(8), accounts), rate(rs.getLong(9), accounts),
                    amount(bad, currency), rate(bad, principal));
            return null;
        }).list();
        return table.build();
    }

    // ---------------------------------------------------------------- aging

    private Table aging(FlowFilter filter, Labels l) {
        Table.Builder table = l.table("aging")
                .column("as_of", l.col("asOf"), Kind.DATE)
                .column("currency", l.col("currency"), Kind.TEXT)
                .column("aging_bucket", l.col("agingBucket"), Kind.TEXT)
                .column("risk_class", l.col("riskClass"), Kind.TEXT)
                .column("accounts", l.col("accounts"), Kind.INTEGER)
                .column("overdue", l.col("overdue"), Kind.AMOUNT)
                .column("overdue_share", l.col("overdueShare"), Kind.RATE)
                .column("outstanding", l.col("outstanding"), Kind.AMOUNT);
        Optional<LocalDate> asOf = jdbc.sql("SELECT MAX(as_of) FROM kpi_position_daily WHERE as_of BETWEEN ? AND ?")
                .params(filter.from(), filter.to()).query(LocalDate.class).optional();
        if (asOf.isEmpty()) {
            return table.build();
        }
        Query q = new Query("""
                SELECT currency, aging_bucket, risk_class, SUM(accounts), SUM(overdue_minor), SUM(outstanding_minor)
                FROM kpi_position_daily WHERE as_of = :asOf""", filter);
        q.params.put("asOf", asOf.get());
        q.sql.append(" GROUP BY currency, aging_bucket, risk_class");
        record Row(String currency, String aging, String risk, long accounts, long overdue, long outstanding) {
        }
        List<Row> rows = q.run().query((rs, n) -> new Row(rs.getString(1).strip(), rs.getString(2), rs.getString(3),
                rs.getLong(4), rs.getLong(5), rs.getLong(6))).list();
        Map<String, Long> overdueTotals = new HashMap<>();
        rows.forEach(r -> overdueTotals.merge(r.currency, r.overdue, Long::sum));
        rows.stream().sorted(Comparator.comparing(Row::currency).thenComparing(Row::aging)
                        .thenComparing(r -> rank(RISK_ORDER, r.risk)))
                .forEach(r -> table.row(asOf.get(), r.currency, r.aging, r.risk, r.accounts,
                        amount(r.overdue, r.currency), rate(r.overdue, overdueTotals.get(r.currency)),
                        amount(r.outstanding, r.currency)));
        return table.build();
    }

    private List<Table> empty(FlowDashboard dashboard, Labels l) {
        // no aggregates yet: the same columns, no rows
        FlowFilter none = new FlowFilter(null, null, null, LocalDate.of(1, 1, 1), LocalDate.of(1, 1, 1));
        return switch (dashboard) {
            case BUCKET_MIX -> List.of(bucketMix(none, l));
            case ROLL_RATES -> List.of(rollRates(none, l));
            case CURE_RECOVERY -> cureRecovery(none, l);
            case VINTAGES -> List.of(vintages(none, l));
            case AGING -> List.of(aging(none, l));
        };
    }

    // ---------------------------------------------------------------- helpers

    /** Buckets in the order of the policy in force (by lowest dpd); names it does not know after, alphabetically. */
    Comparator<String> bucketOrder() {
        List<String> names = policies.current().buckets().stream().sorted(Comparator.comparingInt(Band::minDpd))
                .map(Band::name).toList();
        return Comparator.<String>comparingInt(b -> rank(names, b)).thenComparing(Comparator.naturalOrder());
    }

    private static int rank(List<String> order, String value) {
        int i = order.indexOf(value);
        return i < 0 ? order.size() : i;
    }

    static BigDecimal rate(long numerator, Long denominator) {
        if (denominator == null || denominator == 0) {
            return null;
        }
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP);
    }

    static BigDecimal amount(long minor, String currency) {
        int digits = Math.max(0, java.util.Currency.getInstance(currency).getDefaultFractionDigits());
        return BigDecimal.valueOf(minor, digits);
    }

    /** SQL with the filter's conditions appended. */
    private final class Query {
        final StringBuilder sql;
        final Map<String, Object> params = new LinkedHashMap<>();

        Query(String select, FlowFilter filter) {
            sql = new StringBuilder(select);
            params.put("from", filter.from());
            params.put("to", filter.to());
            if (filter.portfolio() != null) {
                sql.append(" AND portfolio = :portfolio");
                params.put("portfolio", filter.portfolio());
            }
            if (filter.product() != null) {
                sql.append(" AND product = :product");
                params.put("product", filter.product());
            }
            if (filter.storedTeam() != null) {
                sql.append(" AND team = :team");
                params.put("team", filter.storedTeam());
            }
        }

        JdbcClient.StatementSpec run() {
            return jdbc.sql(sql.toString()).params(params);
        }
    }

    /** Localized titles and column labels. */
    private final class Labels {
        final Locale locale;

        Labels(Locale locale) {
            this.locale = locale;
        }

        Table.Builder table(String key) {
            return Table.titled(messages.getMessage("kpiflow.table." + key, null, key, locale));
        }

        String col(String key) {
            return messages.getMessage("kpiflow.col." + key, null, key, locale);
        }
    }
}
