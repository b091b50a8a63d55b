package org.recoup.app.performance;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Maintains the daily KPI aggregates ({@code kpi_*} tables) for a range of business dates with set-based SQL: each
 * date's rows are deleted and inserted again from the raw rows, in one transaction, so maintaining a date twice gives
 * the same rows. A date is the debtor's local date (their party's time zone) and an hour the debtor's local hour.
 *
 * <p>Definitions (docs/kpis.md, "Contacts, promises, collectors"): an attempt is a {@code contact_attempt} row; a
 * right-party contact one with outcome {@code RIGHT_PARTY}; a PTP contact one with disposition {@code PROMISE}.
 * Agent and team are the user who recorded the row ({@code created_by} → {@code app_user}); rows recorded by no user
 * (imports, automated sends) have agent ''. A promise is attributed to the channel of the latest PROMISE contact on
 * its account in the day before it was recorded ({@code NONE} when there is none, e.g. imported promises).
 */
@Service
public class KpiAggregates {

    /** Time zones are at most 14 hours away from UTC: a local date lies inside this UTC window around it. */
    private static final int ZONE_SLACK_HOURS = 14;

    private final JdbcClient jdbc;
    private final ActionCostSettings costs;

    KpiAggregates(JdbcClient jdbc, ActionCostSettings costs) {
        this.jdbc = jdbc;
        this.costs = costs;
    }

    /** What one maintenance wrote, per table. */
    public record Maintained(LocalDate from, LocalDate to, int contactRows, int promiseRows, int paymentRows,
                             int complianceRows, int armRows) {
    }

    /** Rebuilds the aggregates of {@code from}..{@code to} (inclusive). */
    @Transactional
    public Maintained refresh(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to " + to + " is before from " + from);
        }
        Map<String, Object> p = new HashMap<>();
        p.put("from", from);
        p.put("to", to);
        p.put("lo", from.atStartOfDay().atOffset(ZoneOffset.UTC).minusHours(ZONE_SLACK_HOURS));
        p.put("hi", to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC).plusHours(ZONE_SLACK_HOURS));
        for (String table : List.of("kpi_contact_hour", "kpi_promise_day", "kpi_payment_day", "kpi_compliance_day",
                "kpi_arm_day")) {
            jdbc.sql("DELETE FROM " + table + " WHERE business_date BETWEEN :from AND :to").params(p).update();
        }
        int contacts = contacts(p);
        int promises = promisesMade(p) + promisesResolved(p);
        int payments = payments(p);
        int compliance = compliance(p);
        int arms = arms(p);
        rollUp(from, to);
        return new Maintained(from, to, contacts, promises, payments, compliance, arms);
    }

    /** The rollups of {@code kpi_contact_hour} and {@code kpi_promise_day} that the dashboards read. */
    static final List<String> ROLLUPS = List.of("kpi_contact_team_hour", "kpi_agent_day", "kpi_promise_team_hour",
            "kpi_promise_agent_day");

    /**
     * Rebuilds the rollups of {@code from}..{@code to} from {@code kpi_contact_hour} and {@code kpi_promise_day}
     * (V116): delete + insert per date, so rolling up twice gives the same rows. {@link #refresh} calls it in its own
     * transaction; on its own it backfills the rollups of dates maintained before they existed.
     */
    @Transactional
    public int rollUp(LocalDate from, LocalDate to) {
        Map<String, Object> p = Map.of("from", from, "to", to);
        for (String table : ROLLUPS) {
            jdbc.sql("DELETE FROM " + table + " WHERE business_date BETWEEN :from AND :to").params(p).update();
        }
        int rows = jdbc.sql("""
                INSERT INTO kpi_contact_team_hour (business_date, portfolio, product, currency, team, channel,
                                                   local_hour, attempts, rpc, ptp, agent_attempts, cost_minor)
                SELECT business_date, portfolio, product, currency, team, channel, local_hour, SUM(attempts),
                       SUM(rpc), SUM(ptp), SUM(CASE WHEN agent <> '' THEN attempts ELSE 0 END), SUM(cost_minor)
                FROM kpi_contact_hour WHERE business_date BETWEEN :from AND :to
                GROUP BY business_date, portfolio, product, currency, team, channel, local_hour""").params(p).update();
        rows += jdbc.sql("""
                INSERT INTO kpi_agent_day (business_date, portfolio, product, team, agent, attempts, rpc, ptp,
                                           hours_mask)
                SELECT k.business_date, k.portfolio, k.product, k.team, k.agent, SUM(k.attempts), SUM(k.rpc),
                       SUM(k.ptp), BIT_OR(b.bit)
                FROM kpi_contact_hour k JOIN kpi_hour_bit b ON b.local_hour = k.local_hour
                WHERE k.business_date BETWEEN :from AND :to AND k.agent <> ''
                GROUP BY k.business_date, k.portfolio, k.product, k.team, k.agent""").params(p).update();
        rows += jdbc.sql("""
                INSERT INTO kpi_promise_team_hour (business_date, event, portfolio, product, currency, team, channel,
                                                   local_hour, promises, amount_minor, paid_minor)
                SELECT business_date, event, portfolio, product, currency, team, channel, local_hour, SUM(promises),
                       SUM(amount_minor), SUM(paid_minor)
                FROM kpi_promise_day WHERE business_date BETWEEN :from AND :to
                GROUP BY business_date, event, portfolio, product, currency, team, channel, local_hour""")
                .params(p).update();
        rows += jdbc.sql("""
                INSERT INTO kpi_promise_agent_day (business_date, event, portfolio, product, team, agent, promises)
                SELECT business_date, event, portfolio, product, team, agent, SUM(promises)
                FROM kpi_promise_day WHERE business_date BETWEEN :from AND :to AND agent <> ''
                GROUP BY business_date, event, portfolio, product, team, agent""").params(p).update();
        return rows;
    }

    /** The local time of {@code ts} in zone {@code zone} (an SQL expression each). */
    static String local(String ts, String zone) {
        return "(" + ts + " AT TIME ZONE " + zone + ")";
    }

    /**
     * The local date. Through text: H2 casts a zoned timestamp to DATE in the session's zone, PostgreSQL casts the
     * local timestamp; both print the local date first.
     */
    static String localDate(String ts, String zone) {
        return "CAST(SUBSTRING(CAST(" + local(ts, zone) + " AS VARCHAR) FROM 1 FOR 10) AS DATE)";
    }

    static String localHour(String ts, String zone) {
        return "CAST(EXTRACT(HOUR FROM " + local(ts, zone) + ") AS SMALLINT)";
    }

    private int contacts(Map<String, Object> p) {
        ActionCosts priced = costs.current();
        StringBuilder cost = new StringBuilder("CASE");
        List<ActionCosts.Cost> entries = priced.costs();
        for (int i = 0; i < entries.size(); i++) {
            ActionCosts.Cost c = entries.get(i);
            cost.append(" WHEN currency = :cc").append(i).append(" AND channel = :ch").append(i)
                    .append(" THEN :cost").append(i);
            p.put("cc" + i, c.currency());
            p.put("ch" + i, c.channel());
            p.put("cost" + i, priced.minor(c.currency(), c.channel()));
        }
        cost.append(" ELSE 0 END");
        String costExpr = entries.isEmpty() ? "0" : cost.toString();
        return jdbc.sql("""
                INSERT INTO kpi_contact_hour (business_date, portfolio, product, currency, team, agent, channel,
                                              local_hour, attempts, rpc, ptp, cost_minor)
                SELECT business_date, portfolio, product, currency, team, agent, channel, local_hour,
                       COUNT(*), SUM(rpc), SUM(ptp), COUNT(*) * (%s)
                FROM (SELECT %s AS business_date, COALESCE(a.portfolio, '') AS portfolio, a.product, a.currency,
                             COALESCE(u.team, '') AS team, COALESCE(u.username, '') AS agent, c.channel,
                             %s AS local_hour,
                             CASE WHEN c.outcome = 'RIGHT_PARTY' THEN 1 ELSE 0 END AS rpc,
                             CASE WHEN c.disposition = 'PROMISE' THEN 1 ELSE 0 END AS ptp
                      FROM contact_attempt c
                      JOIN account a ON a.account_id = c.account_id
                      JOIN party p ON p.party_id = c.party_id
                      LEFT JOIN app_user u ON u.username = c.created_by
                      WHERE c.attempted_at >= :lo AND c.attempted_at < :hi) x
                WHERE business_date BETWEEN :from AND :to
                GROUP BY business_date, portfolio, product, currency, team, agent, channel, local_hour"""
                .formatted(costExpr, localDate("c.attempted_at", "p.time_zone"),
                        localHour("c.attempted_at", "p.time_zone")))
                .params(p).update();
    }

    private static final String PROMISE_CHANNEL = """
            COALESCE((SELECT c.channel FROM contact_attempt c
                      WHERE c.account_id = pr.account_id AND c.disposition = 'PROMISE'
                        AND c.attempted_at <= pr.promised_at AND c.attempted_at > pr.promised_at - INTERVAL '1' DAY
                      ORDER BY c.attempted_at DESC, c.contact_id DESC FETCH FIRST 1 ROWS ONLY), 'NONE')""";

    private int promisesMade(Map<String, Object> p) {
        return jdbc.sql("""
                INSERT INTO kpi_promise_day (business_date, event, portfolio, product, currency, team, agent, channel,
                                             local_hour, promises, amount_minor, paid_minor)
                SELECT business_date, 'MADE', portfolio, product, currency, team, agent, channel, local_hour,
                       COUNT(*), SUM(amount_minor), SUM(paid_minor)
                FROM (SELECT %s AS business_date, COALESCE(a.portfolio, '') AS portfolio, a.product, a.currency,
                             COALESCE(u.team, '') AS team, COALESCE(u.username, '') AS agent, %s AS channel,
                             %s AS local_hour, pr.amount_minor, pr.paid_minor
                      FROM promise pr
                      JOIN account a ON a.account_id = pr.account_id
                      JOIN party p ON p.party_id = pr.party_id
                      LEFT JOIN app_user u ON u.username = pr.created_by
                      WHERE pr.promised_at >= :lo AND pr.promised_at < :hi) x
                WHERE business_date BETWEEN :from AND :to
                GROUP BY business_date, portfolio, product, currency, team, agent, channel, local_hour"""
                .formatted(localDate("pr.promised_at", "p.time_zone"), PROMISE_CHANNEL,
                        localHour("pr.promised_at", "p.time_zone")))
                .params(p).update();
    }

    private int promisesResolved(Map<String, Object> p) {
        return jdbc.sql("""
                INSERT INTO kpi_promise_day (business_date, event, portfolio, product, currency, team, agent, channel,
                                             local_hour, promises, amount_minor, paid_minor)
                SELECT business_date, status, portfolio, product, currency, team, agent, channel, local_hour,
                       COUNT(*), SUM(amount_minor), SUM(paid_minor)
                FROM (SELECT pr.resolved_on AS business_date, pr.status, COALESCE(a.portfolio, '') AS portfolio,
                             a.product, a.currency, COALESCE(u.team, '') AS team, COALESCE(u.username, '') AS agent,
                             %s AS channel, %s AS local_hour, pr.amount_minor, pr.paid_minor
                      FROM promise pr
                      JOIN account a ON a.account_id = pr.account_id
                      JOIN party p ON p.party_id = pr.party_id
                      LEFT JOIN app_user u ON u.username = pr.created_by
                      WHERE pr.resolved_on BETWEEN :from AND :to
                        AND pr.status IN ('KEPT', 'PARTIALLY_KEPT', 'BROKEN')) x
                GROUP BY business_date, status, portfolio, product, currency, team, agent, channel, local_hour"""
                .formatted(PROMISE_CHANNEL, localHour("pr.promised_at", "p.time_zone")))
                .params(p).update();
    }

    /** Payments by the borrower's local date, credited to whoever holds the borrower's case when maintained. */
    private int payments(Map<String, Object> p) {
        return jdbc.sql("""
                INSERT INTO kpi_payment_day (business_date, portfolio, product, currency, team, agent, payments,
                                             paid_minor)
                SELECT business_date, portfolio, product, currency, team, agent, COUNT(*), SUM(amount_minor)
                FROM (SELECT %s AS business_date, COALESCE(a.portfolio, '') AS portfolio, a.product, a.currency,
                             COALESCE(ca.team, '') AS team, COALESCE(ca.agent, '') AS agent, pay.amount_minor
                      FROM payment pay
                      JOIN account a ON a.account_id = pay.account_id
                      JOIN party p ON p.party_id = (SELECT MIN(ap.party_id) FROM account_party ap
                                                    WHERE ap.account_id = pay.account_id AND ap.role = 'BORROWER')
                      LEFT JOIN case_assignment ca ON ca.case_id = 'C-' || p.party_id
                      WHERE pay.paid_at >= :lo AND pay.paid_at < :hi) x
                WHERE business_date BETWEEN :from AND :to
                GROUP BY business_date, portfolio, product, currency, team, agent"""
                .formatted(localDate("pay.paid_at", "p.time_zone")))
                .params(p).update();
    }

    /** Per channel: all verdicts and the blocked ones (reason_code ''), then blocked verdicts per reason code. */
    private int compliance(Map<String, Object> p) {
        String verdicts = """
                SELECT %s AS business_date, COALESCE(a.portfolio, '') AS portfolio, COALESCE(a.product, '') AS product,
                       COALESCE(u.team, '') AS team, v.channel, v.verdict_id, v.decision
                FROM compliance_verdict v
                LEFT JOIN account a ON a.account_id = v.account_id
                JOIN party p ON p.party_id = v.party_id
                LEFT JOIN app_user u ON u.username = v.username
                WHERE v.decided_at >= :lo AND v.decided_at < :hi""".formatted(localDate("v.decided_at", "p.time_zone"));
        int totals = jdbc.sql("""
                INSERT INTO kpi_compliance_day (business_date, portfolio, product, team, channel, reason_code,
                                                verdicts, blocked)
                SELECT business_date, portfolio, product, team, channel, '', COUNT(*),
                       SUM(CASE WHEN decision = 'BLOCK' THEN 1 ELSE 0 END)
                FROM (%s) x
                WHERE business_date BETWEEN :from AND :to
                GROUP BY business_date, portfolio, product, team, channel""".formatted(verdicts))
                .params(p).update();
        int reasons = jdbc.sql("""
                INSERT INTO kpi_compliance_day (business_date, portfolio, product, team, channel, reason_code,
                                                verdicts, blocked)
                SELECT business_date, portfolio, product, team, channel, code, COUNT(DISTINCT x.verdict_id),
                       COUNT(DISTINCT x.verdict_id)
                FROM (%s) x
                JOIN compliance_verdict_reason r ON r.verdict_id = x.verdict_id
                WHERE business_date BETWEEN :from AND :to AND x.decision = 'BLOCK'
                GROUP BY business_date, portfolio, product, team, channel, code""".formatted(verdicts))
                .params(p).update();
        return totals + reasons;
    }

    /**
     * Per experiment arm and business date: accounts the arm decided (run_decision), of which reached by a right-party
     * contact and paying on that same local date.
     */
    private int arms(Map<String, Object> p) {
        return jdbc.sql("""
                INSERT INTO kpi_arm_day (business_date, experiment_id, arm, portfolio, product, team, accounts,
                                         accounts_rpc, accounts_paid)
                SELECT rd.as_of, rd.experiment_id, COALESCE(rd.arm, ''), COALESCE(a.portfolio, ''), a.product,
                       COALESCE(ca.team, ''), COUNT(*),
                       SUM(CASE WHEN EXISTS (SELECT 1 FROM contact_attempt c JOIN party cp ON cp.party_id = c.party_id
                                             WHERE c.account_id = rd.account_id AND c.outcome = 'RIGHT_PARTY'
                                               AND c.attempted_at >= :lo AND c.attempted_at < :hi
                                               AND %s = rd.as_of) THEN 1 ELSE 0 END),
                       SUM(CASE WHEN EXISTS (SELECT 1 FROM payment pay
                                             WHERE pay.account_id = rd.account_id
                                               AND pay.paid_at >= :lo AND pay.paid_at < :hi
                                               AND %s = rd.as_of) THEN 1 ELSE 0 END)
                FROM run_decision rd
                JOIN account a ON a.account_id = rd.account_id
                LEFT JOIN party p ON p.party_id = rd.party_id
                LEFT JOIN case_assignment ca ON ca.case_id = rd.case_id
                WHERE rd.as_of BETWEEN :from AND :to AND rd.experiment_id IS NOT NULL
                GROUP BY rd.as_of, rd.experiment_id, COALESCE(rd.arm, ''), COALESCE(a.portfolio, ''), a.product,
                         COALESCE(ca.team, '')"""
                .formatted(localDate("c.attempted_at", "cp.time_zone"),
                        localDate("pay.paid_at", "COALESCE(p.time_zone, 'UTC')")))
                .params(p).update();
    }
}
