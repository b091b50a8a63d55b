package org.recoup.app.compliance;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Debt files for gate tests, written straight into the tables: {@code fixture.account("US", "America/New_York")}
 * gives an account with a borrower and the borrower's mobile; parties, contact points and past attempts are added
 * with the other methods. Every id is unique per fixture.
 */
final class GateFixture {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger SEQ = new AtomicInteger();

    private final JdbcClient jdbc;
    private final String prefix;

    GateFixture(JdbcClient jdbc, String prefix) {
        this.jdbc = jdbc;
        this.prefix = prefix;
    }

    /** An account with its borrower ({@code borrower}) and the borrower's mobile ({@code mobile}). */
    record Debt(String account, String borrower, String mobile) {
    }

    Debt account(String jurisdiction, String borrowerZone) {
        return account(jurisdiction, borrowerZone, "it");
    }

    Debt account(String jurisdiction, String borrowerZone, String portfolio) {
        String account = prefix + "-L" + SEQ.incrementAndGet();
        jdbc.sql("""
                INSERT INTO account (account_id, product, currency, principal_minor, open_date, jurisdiction, portfolio)
                VALUES (?, 'CONSUMER_LOAN', ?, 1000000, ?, ?, ?)""")
                .params(account, jurisdiction.equals("CN") ? "CNY" : jurisdiction.equals("US") ? "USD" : "GBP",
                        LocalDate.of(2026, 1, 1), jurisdiction, portfolio)
                .update();
        String borrower = party(account, "BORROWER", borrowerZone, false);
        return new Debt(account, borrower, borrower + "-M");
    }

    /** A party with a role on the account and a valid, consented mobile {@code <party>-M} without a zone. */
    String party(String account, String role, String zone, boolean deceased) {
        String party = account + "-" + role.charAt(0) + SEQ.incrementAndGet();
        jdbc.sql("INSERT INTO party (party_id, name, gender, time_zone, deceased) VALUES (?, ?, 'U', ?, ?)")
                .params(party, role + " of " + account, zone, deceased).update();
        jdbc.sql("INSERT INTO account_party (account_id, party_id, role) VALUES (?, ?, ?)")
                .params(account, party, role).update();
        point(party, party + "-M", null);
        return party;
    }

    void addRole(String account, String party, String role) {
        jdbc.sql("INSERT INTO account_party (account_id, party_id, role) VALUES (?, ?, ?)")
                .params(account, party, role).update();
    }

    String point(String party, String id, String zone) {
        jdbc.sql("INSERT INTO contact_point (contact_point_id, party_id, type, contact_value, time_zone) VALUES (?, ?, 'MOBILE', ?, ?)")
                .params(id, party, "+86" + Math.abs(id.hashCode()), zone).update();
        return id;
    }

    /** A past attempt, as imported from contacts.csv. */
    void attempt(String account, String party, String point, String channel, String at, String outcome) {
        jdbc.sql("""
                INSERT INTO contact_attempt (contact_id, account_id, party_id, contact_point_id, channel, attempted_at, outcome)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(prefix + "-C" + SEQ.incrementAndGet(), account, party, point, channel,
                        Timestamp.from(OffsetDateTime.parse(at).toInstant()), outcome)
                .update();
    }

    void promise(String account, String party, String dueDate, String promisedAt) {
        jdbc.sql("""
                INSERT INTO promise (promise_id, account_id, party_id, amount_minor, due_date, promised_at, created_by)
                VALUES (?, ?, ?, 50000, ?, ?, 'it')""")
                .params(prefix + "-PTP" + SEQ.incrementAndGet(), account, party, LocalDate.parse(dueDate),
                        Timestamp.from(Instant.parse(promisedAt)))
                .update();
    }

    /** A check/contact body: {@code body(debt.account(), party, point, "SMS", "2026-11-20T10:00:00+08:00", "content", "…")}. */
    static String body(String account, String party, String point, String channel, String at, Object... more) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accountId", account);
        m.put("partyId", party);
        if (point != null) {
            m.put("contactPointId", point);
        }
        m.put("channel", channel);
        m.put("at", at);
        for (int i = 0; i < more.length; i += 2) {
            m.put((String) more[i], more[i + 1]);
        }
        return JSON.writeValueAsString(m);
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
