package org.recoup.app.property;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.recoup.app.security.Actor;
import org.recoup.app.security.CaseScope;
import org.recoup.engine.property.BillStatus;
import org.recoup.engine.property.FeePayment;
import org.recoup.engine.property.LateFeePolicy;
import org.recoup.engine.property.LateFees;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The fee bills as of a date: each bill's payments (dated in the owner's time zone; posted through the payments API on
 * the bill's account) and its status — fee collected, late fee accrued and collected — computed by the engine with the
 * late-fee policy in force. Payments pay the fee first, then the late fee.
 */
@Service
class FeeLedger {

    /** Which bills: null fields = any. {@code periodFrom}/{@code periodTo} are YYYY-MM, inclusive. */
    record Filter(String building, String unit, String partyId, String periodFrom, String periodTo) {
        static final Filter ALL = new Filter(null, null, null, null, null);
    }

    record Bill(String accountId, String building, String unit, String partyId, String ownerName, String period,
                String feeType, String currency, LocalDate dueDate, BillStatus status) {
    }

    /** Sums of a group of bills. */
    record Totals(long billedMinor, long collectedMinor, long lateFeeMinor, long lateFeeCollectedMinor, int bills) {
        Totals plus(Bill b) {
            BillStatus s = b.status();
            return new Totals(billedMinor + s.feeMinor(), collectedMinor + s.feeCollectedMinor(),
                    lateFeeMinor + s.lateFeeMinor(), lateFeeCollectedMinor + s.lateFeeCollectedMinor(), bills + 1);
        }

        long outstandingMinor() {
            return billedMinor - collectedMinor;
        }

        /** Fees collected ÷ fees billed, a fraction with 4 decimals (half-up); null when nothing was billed. */
        BigDecimal collectionRate() {
            return billedMinor == 0 ? null
                    : BigDecimal.valueOf(collectedMinor).divide(BigDecimal.valueOf(billedMinor), 4, RoundingMode.HALF_UP);
        }

        static final Totals ZERO = new Totals(0, 0, 0, 0, 0);
    }

    private final JdbcClient jdbc;
    private final FeePolicies policies;

    FeeLedger(JdbcClient jdbc, FeePolicies policies) {
        this.jdbc = jdbc;
        this.policies = policies;
    }

    LateFeePolicy policy() {
        return policies.current();
    }

    /** The bills in the actor's scope ({@code actor} null = all) matching the filter, as of {@code asOf}. */
    List<Bill> bills(Actor actor, Filter filter, LocalDate asOf) {
        LateFeePolicy policy = policies.current();
        StringBuilder where = new StringBuilder("1 = 1");
        List<Object> params = new ArrayList<>();
        add(where, params, "b.building = ?", filter.building());
        add(where, params, "b.unit = ?", filter.unit());
        add(where, params, "b.party_id = ?", filter.partyId());
        add(where, params, "b.period >= ?", filter.periodFrom());
        add(where, params, "b.period <= ?", filter.periodTo());
        if (actor != null) {
            CaseScope.Filter scope = CaseScope.sqlFilter(actor, "'C-' || b.party_id");
            where.append(" AND ").append(scope.sql());
            params.addAll(scope.params());
        }
        Map<String, ZoneId> zones = new HashMap<>();
        Map<String, List<FeePayment>> payments = new HashMap<>();
        jdbc.sql("SELECT pay.account_id, pay.paid_at, pay.amount_minor, p.time_zone FROM property_bill b "
                        + "JOIN payment pay ON pay.account_id = b.account_id JOIN party p ON p.party_id = b.party_id WHERE "
                        + where)
                .params(params)
                .query((rs, n) -> {
                    ZoneId zone = zones.computeIfAbsent(rs.getString(4), FeeLedger::zone);
                    payments.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new FeePayment(
                            rs.getTimestamp(2).toInstant().atZone(zone).toLocalDate(), rs.getLong(3)));
                    return null;
                }).list();
        return jdbc.sql("""
                        SELECT b.account_id, b.building, b.unit, b.party_id, p.name, b.period, b.fee_type, b.currency,
                               b.due_date, b.amount_minor
                        FROM property_bill b JOIN party p ON p.party_id = b.party_id WHERE\s""" + where
                        + " ORDER BY b.building, b.unit, b.period, b.fee_type")
                .params(params)
                .query((rs, n) -> {
                    LocalDate due = rs.getDate("due_date").toLocalDate();
                    String id = rs.getString("account_id");
                    BillStatus status = LateFees.status(rs.getLong("amount_minor"), due,
                            payments.getOrDefault(id, List.of()), asOf, policy);
                    return new Bill(id, rs.getString("building"), rs.getString("unit"), rs.getString("party_id"),
                            rs.getString("name"), rs.getString("period"), rs.getString("fee_type"),
                            rs.getString("currency").strip(), due, status);
                })
                .list();
    }

    /** Totals of the bills grouped by {@code key}, keys in order of first appearance (bills are sorted). */
    static Map<String, Totals> group(List<Bill> bills, Function<Bill, String> key) {
        Map<String, Totals> groups = new LinkedHashMap<>();
        for (Bill b : bills) {
            groups.merge(key.apply(b), Totals.ZERO.plus(b), FeeLedger::sum);
        }
        return groups;
    }

    static Totals total(List<Bill> bills) {
        Totals t = Totals.ZERO;
        for (Bill b : bills) {
            t = t.plus(b);
        }
        return t;
    }

    private static Totals sum(Totals a, Totals b) {
        return new Totals(a.billedMinor() + b.billedMinor(), a.collectedMinor() + b.collectedMinor(),
                a.lateFeeMinor() + b.lateFeeMinor(), a.lateFeeCollectedMinor() + b.lateFeeCollectedMinor(),
                a.bills() + b.bills());
    }

    private static void add(StringBuilder where, List<Object> params, String condition, String value) {
        if (value != null && !value.isBlank()) {
            where.append(" AND ").append(condition);
            params.add(value.strip());
        }
    }

    private static ZoneId zone(String name) {
        try {
            return name == null ? ZoneId.of("Asia/Shanghai") : ZoneId.of(name.strip());
        } catch (DateTimeException e) {
            return ZoneId.of("Asia/Shanghai");
        }
    }
}
