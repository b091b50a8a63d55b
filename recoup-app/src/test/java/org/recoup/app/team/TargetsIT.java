package org.recoup.app.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.recoup.app.IntegrationTest;
import org.recoup.app.queue.CaseRouting;
import org.recoup.app.security.Role;
import org.recoup.app.security.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Monthly targets: payments count for whoever held the case when paid; JSON, CSV and XLSX carry the same figures. */
class TargetsIT extends IntegrationTest {

    @Autowired
    UserAccounts users;
    @Autowired
    CaseRouting routing;
    @Autowired
    java.time.Clock clock;

    private void history(String caseId, int seq, String team, String agent, Instant at) {
        jdbc.sql("INSERT INTO case_assignment_history (case_id, seq, team, agent, assigned_at, assigned_by, reason) "
                        + "VALUES (?, ?, ?, ?, ?, 'it', 'test')")
                .params(caseId, seq, team, agent, Timestamp.from(at)).update();
    }

    @Test
    void paymentsCountForTheAgentAndTeamHoldingTheCaseAtPaymentTime() {
        TeamFixture f = new TeamFixture(jdbc, users, routing, uniqueId("tg"));
        String team = f.team(api());
        String ann = f.agent(team, "JUNIOR", "zh-CN", "CONSUMER_LOAN", 10);
        String bob = f.agent(team, "SENIOR", "zh-CN", "CONSUMER_LOAN", 10);
        String caseId = f.openCase("CONSUMER_LOAN", "CN");
        ZoneId zone = clock.getZone();
        Instant start = java.time.LocalDate.of(2041, 5, 1).atStartOfDay(zone).toInstant();
        history(caseId, 1, team, null, start.minusSeconds(86_400 * 3));      // in the pool
        f.payment(caseId, start.minusSeconds(86_400), 99_00);                 // April: not this month
        f.payment(caseId, start.plusSeconds(3_600), 50_00);                   // pool: team only
        history(caseId, 2, team, ann, start.plusSeconds(86_400));
        f.payment(caseId, start.plusSeconds(86_400 * 2), 300_00);             // ann
        history(caseId, 3, team, bob, start.plusSeconds(86_400 * 10));
        f.payment(caseId, start.plusSeconds(86_400 * 10), 200_00);            // bob (changed at that instant)
        f.payment(caseId, start.plusSeconds(86_400 * 31), 1_000_00);          // June: not this month

        for (String body : new String[] {
                "{\"month\":\"2041-05\",\"scope\":\"AGENT\",\"subject\":\"" + ann + "\",\"currency\":\"CNY\","
                        + "\"amountMinor\":100000,\"contactsTarget\":100,\"promisesTarget\":10}",
                "{\"month\":\"2041-05\",\"scope\":\"AGENT\",\"subject\":\"" + bob + "\",\"currency\":\"CNY\","
                        + "\"amountMinor\":40000}",
                "{\"month\":\"2041-05\",\"scope\":\"TEAM\",\"subject\":\"" + team + "\",\"currency\":\"CNY\","
                        + "\"amountMinor\":500000}"}) {
            var saved = api().put("/api/v1/targets", body);
            assertThat(saved.status()).as(saved.body()).isEqualTo(204);
        }

        JsonNode table = api().get("/api/v1/targets/progress?month=2041-05").json();
        String annRow = row(table, ann);
        String bobRow = row(table, bob);
        String teamRow = row(table, team);
        assertThat(annRow).isEqualTo("AGENT|" + ann + "|" + team + "|CNY|1000|300|0.3|100|0|10|0");
        assertThat(bobRow).isEqualTo("AGENT|" + bob + "|" + team + "|CNY|400|200|0.5|null|0|null|0");
        assertThat(teamRow).isEqualTo("TEAM|" + team + "|" + team + "|CNY|5000|550|0.11|null|0|null|0");

        var csv = api().get("/api/v1/targets/progress?month=2041-05&format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).contains(ann).contains("300.00").contains("550.00");
        var xlsx = api().get("/api/v1/targets/progress?month=2041-05&format=xlsx");
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.contentType()).contains("spreadsheetml");
    }

    private static String row(JsonNode table, String subject) {
        for (JsonNode r : table.get("rows")) {
            if (r.get(1).asString().equals(subject)) {
                StringBuilder s = new StringBuilder();
                for (JsonNode c : r) {
                    s.append(s.isEmpty() ? "" : "|").append(c.isNull() ? "null" : c.isNumber()
                            ? new java.math.BigDecimal(c.asString()).stripTrailingZeros().toPlainString() : c.asString());
                }
                return s.toString();
            }
        }
        return null;
    }

    @Test
    void targetsAreValidatedNamingTheFieldAndLeadsSeeOnlyTheirTeam() {
        TeamFixture f = new TeamFixture(jdbc, users, routing, uniqueId("tv"));
        String team = f.team(api());
        String agent = f.agent(team, "JUNIOR", "zh-CN", "CONSUMER_LOAN", 10);
        String lead = f.user(Role.TEAM_LEAD, team, null);
        String otherLead = f.user(Role.TEAM_LEAD, uniqueId("other"), null);

        assertThat(api().put("/api/v1/targets", "{\"month\":\"2041-13\",\"scope\":\"AGENT\",\"subject\":\"" + agent
                + "\",\"currency\":\"CNY\",\"amountMinor\":1}").body()).contains("\"month\"");
        assertThat(api().put("/api/v1/targets", "{\"month\":\"2041-06\",\"scope\":\"AGENT\",\"subject\":\"nobody\","
                + "\"currency\":\"CNY\",\"amountMinor\":1}").body()).contains("subject");
        assertThat(api().put("/api/v1/targets", "{\"month\":\"2041-06\",\"scope\":\"AGENT\",\"subject\":\"" + agent
                + "\",\"currency\":\"XX\",\"amountMinor\":1}").body()).contains("currency");
        assertThat(api().put("/api/v1/targets", "{\"month\":\"2041-06\",\"scope\":\"AGENT\",\"subject\":\"" + agent
                + "\",\"currency\":\"CNY\",\"amountMinor\":-5}").body()).contains("amountMinor");
        assertThat(api().put("/api/v1/targets", "{\"month\":\"2041-06\",\"scope\":\"AGENT\",\"subject\":\"" + agent
                + "\",\"currency\":\"CNY\",\"amountMinor\":500}").status()).isEqualTo(204);

        assertThat(row(api(lead, TeamFixture.PASSWORD).get("/api/v1/targets/progress?month=2041-06").json(), agent))
                .isNotNull();
        assertThat(row(api(otherLead, TeamFixture.PASSWORD).get("/api/v1/targets/progress?month=2041-06").json(), agent))
                .isNull();
        assertThat(api(lead, TeamFixture.PASSWORD).put("/api/v1/targets", "{}").status()).isEqualTo(403);
    }
}
