package org.recoup.app.team;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.recoup.app.ApiClient;
import org.recoup.app.queue.CaseRouting;
import org.recoup.app.security.Actor;
import org.recoup.app.security.Role;
import org.recoup.app.security.UserAccounts;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test data for the team ITs, with ids of the test's own: teams, users with skills and capacity, open cases of one
 * borrower with accounts of a product and jurisdiction, placed in a team pool through {@link CaseRouting}.
 */
final class TeamFixture {

    static final String PASSWORD = "teams-it-password";
    static final Actor SUPERVISOR = new Actor("teams-it", Role.SUPERVISOR, null, null, null);

    private final JdbcClient jdbc;
    private final UserAccounts users;
    private final CaseRouting routing;
    private int counter;
    private final String prefix;

    TeamFixture(JdbcClient jdbc, UserAccounts users, CaseRouting routing, String prefix) {
        this.jdbc = jdbc;
        this.users = users;
        this.routing = routing;
        this.prefix = prefix;
    }

    String team(ApiClient admin) {
        String team = prefix + "-team";
        ApiClient.Response r = admin.put("/api/v1/teams/" + team, "{\"name\":\"Team " + team + "\"}");
        if (r.status() != 200) {
            throw new IllegalStateException(r.body());
        }
        return team;
    }

    String user(Role role, String team, String tier) {
        String name = prefix + "-" + role.name().toLowerCase() + (++counter);
        users.createIfAbsent(name, PASSWORD, name, role, "en");
        jdbc.sql("UPDATE app_user SET team = ?, tier = ? WHERE username = ?").params(team, tier, name).update();
        return name;
    }

    /** An agent of {@code team} with skills and capacity. */
    String agent(String team, String tier, String languages, String products, int capacity) {
        String name = user(Role.AGENT, team, tier);
        jdbc.sql("INSERT INTO agent_profile (username, languages, products, capacity, updated_by) VALUES (?, ?, ?, ?, 'it')")
                .params(name, languages, products, capacity).update();
        return name;
    }

    /** An open case (one borrower, one account of the product in the jurisdiction), not assigned to anyone. */
    String openCase(String product, String jurisdiction) {
        String party = prefix + "-P" + (++counter);
        String account = party + "-L";
        jdbc.sql("INSERT INTO party (party_id, name, time_zone) VALUES (?, ?, 'Asia/Shanghai')")
                .params(party, "Debtor " + party).update();
        jdbc.sql("INSERT INTO account (account_id, product, currency, principal_minor, open_date, jurisdiction) "
                        + "VALUES (?, ?, 'CNY', 100000, ?, ?)")
                .params(account, product, LocalDate.of(2026, 1, 1), jurisdiction).update();
        jdbc.sql("INSERT INTO account_party (account_id, party_id, role) VALUES (?, ?, 'BORROWER')")
                .params(account, party).update();
        jdbc.sql("INSERT INTO collection_case (case_id, party_id, status, opened_on, updated_on) "
                        + "VALUES (?, ?, 'OPEN', ?, ?)")
                .params("C-" + party, party, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 1)).update();
        return "C-" + party;
    }

    /** An open case in {@code team}'s pool (assigned to the team, no agent), with its first history line. */
    String pooledCase(String team, String product, String jurisdiction) {
        String caseId = openCase(product, jurisdiction);
        routing.assign(SUPERVISOR, caseId, new CaseRouting.Assignment(team, null, null, "routed to the team"));
        return caseId;
    }

    String accountOf(String caseId) {
        return caseId.substring(2) + "-L";
    }

    void payment(String caseId, Instant paidAt, long amountMinor) {
        jdbc.sql("INSERT INTO payment (payment_id, account_id, paid_at, amount_minor) VALUES (?, ?, ?, ?)")
                .params(prefix + "-pay" + (++counter), accountOf(caseId), Timestamp.from(paidAt), amountMinor).update();
    }

    String holder(String caseId) {
        return jdbc.sql("SELECT agent FROM case_assignment WHERE case_id = ?").param(caseId).query(String.class)
                .optional().orElse(null);
    }

    long held(String agent) {
        return jdbc.sql("SELECT COUNT(*) FROM case_assignment WHERE agent = ?").param(agent).query(Long.class).single();
    }
}
