package org.recoup.app.agency;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.recoup.app.export.Table;
import org.recoup.engine.agency.Commission;
import org.recoup.engine.agency.Contract;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Commission statements and scorecards. A payment is attributed to a placement when it was posted on one of the
 * placed accounts with {@code placed_at <= paid_at < recalled_at} (open placements: no upper bound). Its commission is
 * {@code amount × rate ÷ 100} rounded half-up to the minor unit, the rate being the one of the agency's contract in
 * force on the payment's date (in the rules' zone) for the bucket the account had at placement.
 */
@Service
public class Commissions {

    /** One attributed payment. */
    public record Line(String paymentId, String accountId, String caseId, long placementId, LocalDate paidOn,
                       String currency, String bucket, long amountMinor, Integer contractVersion, BigDecimal ratePercent,
                       long commissionMinor) {
    }

    /** A month's statement of one agency: the lines, then totals per bucket and currency. */
    public record Statement(String agencyId, YearMonth month, List<Line> lines, Table lineTable, Table bucketTable) {
    }

    private final JdbcClient jdbc;
    private final Agencies agencies;
    private final PlacementRules rules;
    private final MessageSource messages;

    Commissions(JdbcClient jdbc, Agencies agencies, PlacementRules rules, MessageSource messages) {
        this.jdbc = jdbc;
        this.agencies = agencies;
        this.rules = rules;
        this.messages = messages;
    }

    public Statement statement(String agencyId, YearMonth month, Locale locale) {
        agencies.find(agencyId);
        ZoneId zone = rules.current().zoneId();
        List<Contract> contracts = agencies.contracts(agencyId);
        List<Line> lines = new ArrayList<>();
        jdbc.sql("""
                        SELECT p.payment_id, p.account_id, pl.case_id, pl.placement_id, p.paid_at, pa.currency, pa.bucket,
                               p.amount_minor
                        FROM placement pl
                        JOIN placement_account pa ON pa.placement_id = pl.placement_id
                        JOIN payment p ON p.account_id = pa.account_id AND p.paid_at >= pl.placed_at
                                      AND (pl.recalled_at IS NULL OR p.paid_at < pl.recalled_at)
                        WHERE pl.agency_id = ? AND p.paid_at >= ? AND p.paid_at < ?
                        ORDER BY p.paid_at, p.payment_id""")
                .params(agencyId, java.sql.Timestamp.from(month.atDay(1).atStartOfDay(zone).toInstant()),
                        java.sql.Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant()))
                .query(rs -> {
                    LocalDate paidOn = LocalDate.ofInstant(rs.getTimestamp(5).toInstant(), zone);
                    String bucket = rs.getString(7);
                    long amount = rs.getLong(8);
                    Optional<Contract> contract = Contract.inForce(contracts, paidOn);
                    BigDecimal rate = contract.flatMap(c -> c.rateFor(bucket)).orElse(null);
                    lines.add(new Line(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), paidOn,
                            rs.getString(6), bucket, amount, contract.map(Contract::version).orElse(null), rate,
                            rate == null ? 0 : Commission.on(amount, rate)));
                });
        Table.Builder lt = Table.titled(label(locale, "agency.statement.lines", "Payments") + " " + agencyId + " " + month)
                .column("payment_id", label(locale, "agency.col.payment_id", "Payment"), Table.Kind.TEXT)
                .column("account_id", label(locale, "agency.col.account_id", "Account"), Table.Kind.TEXT)
                .column("case_id", label(locale, "agency.col.case_id", "Case"), Table.Kind.TEXT)
                .column("placement_id", label(locale, "agency.col.placement_id", "Placement"), Table.Kind.INTEGER)
                .column("paid_on", label(locale, "agency.col.paid_on", "Paid on"), Table.Kind.DATE)
                .column("currency", label(locale, "agency.col.currency", "Currency"), Table.Kind.TEXT)
                .column("bucket", label(locale, "agency.col.bucket", "Bucket at placement"), Table.Kind.TEXT)
                .column("amount", label(locale, "agency.col.amount", "Amount"), Table.Kind.AMOUNT)
                .column("contract_version", label(locale, "agency.col.contract_version", "Contract"), Table.Kind.INTEGER)
                .column("rate_percent", label(locale, "agency.col.rate_percent", "Rate %"), Table.Kind.AMOUNT)
                .column("commission", label(locale, "agency.col.commission", "Commission"), Table.Kind.AMOUNT);
        Map<String, long[]> byBucket = new TreeMap<>();
        for (Line l : lines) {
            lt.row(l.paymentId(), l.accountId(), l.caseId(), l.placementId(), l.paidOn(), l.currency(), l.bucket(),
                    major(l.amountMinor(), l.currency()), l.contractVersion(), l.ratePercent(),
                    major(l.commissionMinor(), l.currency()));
            long[] t = byBucket.computeIfAbsent(l.currency() + "|" + l.bucket(), k -> new long[3]);
            t[0]++;
            t[1] += l.amountMinor();
            t[2] += l.commissionMinor();
        }
        Table.Builder bt = Table.titled(label(locale, "agency.statement.buckets", "Totals") + " " + agencyId + " " + month)
                .column("currency", label(locale, "agency.col.currency", "Currency"), Table.Kind.TEXT)
                .column("bucket", label(locale, "agency.col.bucket", "Bucket at placement"), Table.Kind.TEXT)
                .column("payments", label(locale, "agency.col.payments", "Payments"), Table.Kind.INTEGER)
                .column("collected", label(locale, "agency.col.collected", "Collected"), Table.Kind.AMOUNT)
                .column("commission", label(locale, "agency.col.commission", "Commission"), Table.Kind.AMOUNT);
        Map<String, long[]> byCurrency = new TreeMap<>();
        byBucket.forEach((key, t) -> {
            String[] k = key.split("\\|", 2);
            bt.row(k[0], k[1], t[0], major(t[1], k[0]), major(t[2], k[0]));
            long[] c = byCurrency.computeIfAbsent(k[0], x -> new long[3]);
            c[0] += t[0];
            c[1] += t[1];
            c[2] += t[2];
        });
        byCurrency.forEach((currency, t) -> bt.row(currency, label(locale, "agency.total", "TOTAL"), t[0],
                major(t[1], currency), major(t[2], currency)));
        return new Statement(agencyId, month, lines, lt.build(), bt.build());
    }

    /**
     * The scorecard: per agency (all, or one), placement month and currency — cases placed, balance at placement,
     * collected during the placements (to date) and the liquidation rate = collected ÷ balance at placement.
     */
    public Table scorecard(String agencyId, Locale locale) {
        Map<String, long[]> rows = new TreeMap<>();
        Map<String, java.util.Set<Long>> cases = new TreeMap<>();
        jdbc.sql("""
                        SELECT pl.agency_id, pl.placed_on, pl.placement_id, pa.currency, pa.balance_minor,
                               (SELECT COALESCE(SUM(p.amount_minor), 0) FROM payment p WHERE p.account_id = pa.account_id
                                  AND p.paid_at >= pl.placed_at AND (pl.recalled_at IS NULL OR p.paid_at < pl.recalled_at))
                        FROM placement pl JOIN placement_account pa ON pa.placement_id = pl.placement_id
                        WHERE (CAST(? AS VARCHAR(64)) IS NULL OR pl.agency_id = ?)""")
                .params(agencyId, agencyId)
                .query(rs -> {
                    String key = rs.getString(1) + "|" + YearMonth.from(rs.getObject(2, LocalDate.class)) + "|"
                            + rs.getString(4);
                    long[] t = rows.computeIfAbsent(key, k -> new long[2]);
                    t[0] += rs.getLong(5);
                    t[1] += rs.getLong(6);
                    cases.computeIfAbsent(key, k -> new java.util.TreeSet<>()).add(rs.getLong(3));
                });
        Table.Builder b = Table.titled(label(locale, "agency.scorecard", "Agency scorecard"))
                .column("agency_id", label(locale, "agency.col.agency_id", "Agency"), Table.Kind.TEXT)
                .column("placement_month", label(locale, "agency.col.placement_month", "Placement month"), Table.Kind.TEXT)
                .column("currency", label(locale, "agency.col.currency", "Currency"), Table.Kind.TEXT)
                .column("cases", label(locale, "agency.col.cases", "Cases placed"), Table.Kind.INTEGER)
                .column("balance_at_placement", label(locale, "agency.col.balance_at_placement", "Balance at placement"),
                        Table.Kind.AMOUNT)
                .column("collected", label(locale, "agency.col.collected", "Collected"), Table.Kind.AMOUNT)
                .column("liquidation_rate", label(locale, "agency.col.liquidation_rate", "Liquidation rate"),
                        Table.Kind.RATE);
        rows.forEach((key, t) -> {
            String[] k = key.split("\\|", 3);
            b.row(k[0], k[1], k[2], (long) cases.get(key).size(), major(t[0], k[2]), major(t[1], k[2]),
                    Commission.liquidationRate(t[1], t[0]));
        });
        return b.build();
    }

    static BigDecimal major(long minor, String currency) {
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return BigDecimal.valueOf(minor, digits);
    }

    private String label(Locale locale, String key, String fallback) {
        return messages.getMessage(key, null, fallback, locale == null ? Locale.ENGLISH : locale);
    }
}
