package org.recoup.app.performance;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.recoup.app.DebtFileFixture;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A small hand-made history on business date {@link #DAY} in a portfolio and team of its own, whose KPIs are worked
 * out by hand in {@link ContactKpisIT} (see the comments there). Borrowers of X1, X2, X4 live in Asia/Shanghai (UTC+8),
 * X3's in Europe/London (UTC+0 in March). All accounts are CNY.
 */
final class KpiHistory {

    static final LocalDate DAY = LocalDate.parse("2031-03-10");

    /** The business date of this history: {@link #DAY} moved by {@code shiftDays}. */
    final LocalDate day;
    private final int shiftDays;

    final String portfolio;
    final String team;
    final String agent1;
    final String agent2;
    final String experiment;
    final String x1;
    final String x2;
    final String x3;
    final String x4;
    private final JdbcClient jdbc;
    private final String prefix;

    KpiHistory(JdbcClient jdbc, String prefix) {
        this(jdbc, prefix, 0);
    }

    /** A history moved by {@code shiftDays} days, for a test that needs a business date no other test writes to. */
    KpiHistory(JdbcClient jdbc, String prefix, int shiftDays) {
        this.shiftDays = shiftDays;
        this.day = DAY.plusDays(shiftDays);
        this.jdbc = jdbc;
        this.prefix = prefix;
        portfolio = "kpi-" + prefix;
        team = "team-" + prefix;
        agent1 = prefix + "-a1";
        agent2 = prefix + "-a2";
        experiment = prefix + "-exp";
        x1 = prefix + "-X1";
        x2 = prefix + "-X2";
        x3 = prefix + "-X3";
        x4 = prefix + "-X4";
    }

    KpiHistory build() {
        DebtFileFixture file = new DebtFileFixture(jdbc);
        for (String id : new String[] {x1, x2, x4}) {
            file.account(id);
        }
        file.account(x3, "CONSUMER_LOAN", "CNY", "5000.00", "2030-01-10", null, null, 0, "CN", "Europe/London");
        jdbc.sql("UPDATE account SET portfolio = ? WHERE account_id IN (?, ?, ?, ?)")
                .params(portfolio, x1, x2, x3, x4).update();
        for (String agent : new String[] {agent1, agent2}) {
            jdbc.sql("INSERT INTO app_user (username, password_hash, display_name, role, team, tier) "
                            + "VALUES (?, '{noop}not-used', ?, 'AGENT', ?, 'JUNIOR')")
                    .params(agent, agent, team).update();
        }
        // contacts on DAY, local times in comments
        contact("c1", x1, agent1, "CALL", "2031-03-10T07:30:00Z", "RIGHT_PARTY", "PROMISE"); // 15:30 Shanghai
        contact("c2", x1, agent1, "CALL", "2031-03-10T07:10:00Z", "NO_ANSWER", null);        // 15:10
        contact("c3", x2, agent1, "CALL", "2031-03-10T02:20:00Z", "RIGHT_PARTY", "REFUSED_TO_PAY"); // 10:20
        contact("c4", x2, agent2, "CALL", "2031-03-10T04:30:00Z", "NO_ANSWER", null);        // 12:30
        contact("c5", x2, agent2, "SMS", "2031-03-10T02:00:00Z", "DELIVERED", null);         // 10:00
        contact("c6", x3, agent2, "CALL", "2031-03-10T15:45:00Z", "RIGHT_PARTY", "PROMISE"); // 15:45 London
        // 01:30 on the next day in Shanghai: not a contact of DAY; recorded by nobody (an import)
        contact("c7", x1, null, "CALL", "2031-03-10T17:30:00Z", "RIGHT_PARTY", null);
        // promises
        promise("p0", x1, agent1, "200.00", "2031-03-05T03:00:00Z", "BROKEN", "0.00", day);
        promise("p1", x1, agent1, "500.00", "2031-03-10T07:30:30Z", "PENDING", "0.00", null);
        promise("p2", x3, agent2, "300.00", "2031-03-10T15:45:30Z", "PARTIALLY_KEPT", "100.00", day);
        promise("p3", x2, agent2, "400.00", "2031-03-07T09:00:00Z", "KEPT", "400.00", day);
        // payments (local dates: all on DAY)
        payment("m1", x1, "2031-03-10T08:00:00Z", "500.00");
        payment("m2", x2, "2031-03-10T03:00:00Z", "400.00");
        payment("m3", x3, "2031-03-10T16:00:00Z", "100.00");
        payment("m4", x2, "2031-03-09T20:00:00Z", "50.00"); // 04:00 on DAY in Shanghai
        // compliance verdicts on X1
        verdict("v1", x1, agent1, "CALL", "ALLOW");
        verdict("v2", x1, agent1, "CALL", "BLOCK", "DAILY_CAP", "QUIET_HOURS");
        verdict("v3", x1, agent1, "SMS", "BLOCK", "QUIET_HOURS");
        // experiment arms decided on DAY
        decision(x1, "champion");
        decision(x2, "champion");
        decision(x4, "champion");
        decision(x3, "challenger");
        return this;
    }

    private void contact(String id, String account, String agent, String channel, String at, String outcome,
                         String disposition) {
        jdbc.sql("""
                INSERT INTO contact_attempt (contact_id, account_id, party_id, channel, attempted_at, outcome, source,
                                             created_by, disposition)
                VALUES (?, ?, ?, ?, ?, ?, 'API', ?, ?)""")
                .params(prefix + "-" + id, account, account + "-B", channel, ts(at), outcome, agent, disposition)
                .update();
    }

    private void promise(String id, String account, String agent, String amount, String at, String status, String paid,
                         LocalDate resolvedOn) {
        jdbc.sql("""
                INSERT INTO promise (promise_id, account_id, party_id, amount_minor, due_date, promised_at, status,
                                     paid_minor, resolved_on, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(prefix + "-" + id, account, account + "-B", DebtFileFixture.minor(amount), day.plusDays(3),
                        ts(at), status, DebtFileFixture.minor(paid), resolvedOn, agent)
                .update();
    }

    private void payment(String id, String account, String at, String amount) {
        jdbc.sql("INSERT INTO payment (payment_id, account_id, paid_at, amount_minor, channel) "
                        + "VALUES (?, ?, ?, ?, 'BANK_TRANSFER')")
                .params(prefix + "-" + id, account, ts(at), DebtFileFixture.minor(amount)).update();
    }

    private void verdict(String id, String account, String agent, String channel, String decision, String... codes) {
        String verdictId = prefix + "-" + id;
        jdbc.sql("""
                INSERT INTO compliance_verdict (verdict_id, decided_at, source, username, account_id, party_id, channel,
                                                purpose, contact_at, decision, reason_codes, facts, profile_id,
                                                profile_version)
                VALUES (?, ?, 'it', ?, ?, ?, ?, 'COLLECTION', ?, ?, ?, '{}', 'CN', 1)""")
                .params(verdictId, ts("2031-03-10T05:00:00Z"), agent, account, account + "-B", channel,
                        ts("2031-03-10T05:00:00Z"), decision, String.join(",", codes))
                .update();
        for (int i = 0; i < codes.length; i++) {
            jdbc.sql("INSERT INTO compliance_verdict_reason (verdict_id, seq, code, rule, message) VALUES (?, ?, ?, 'r', 'm')")
                    .params(verdictId, i + 1, codes[i]).update();
        }
    }

    private void decision(String account, String arm) {
        jdbc.sql("""
                INSERT INTO run_decision (as_of, account_id, run_id, case_id, willingness, ability, grade, strategy_id,
                                          strategy_version, experiment_id, arm, treatments, explanation, party_id)
                VALUES (?, ?, -1, ?, 'HIGH', 'HIGH', 'A', 'it', 1, ?, ?, '[]', '', ?)""")
                .params(day, account, "C-" + account + "-B", experiment, arm, account + "-B").update();
    }

    private Timestamp ts(String instant) {
        return Timestamp.from(OffsetDateTime.parse(instant).plusDays(shiftDays).toInstant());
    }
}
