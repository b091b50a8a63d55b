package org.recoup.app.team;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recoup.app.ApiClient;
import org.recoup.app.IntegrationTest;
import org.recoup.app.queue.CaseRouting;
import org.recoup.app.security.Role;
import org.recoup.app.security.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Handover (换手): who may hand what to whom, a reason always, and a history that keeps every holder. */
class HandoverIT extends IntegrationTest {

    @Autowired
    UserAccounts users;
    @Autowired
    CaseRouting routing;

    private TeamFixture f;
    private String team;
    private String lead;
    private String ann;
    private String bob;
    private String supervisor;

    @BeforeEach
    void setUp() {
        f = new TeamFixture(jdbc, users, routing, uniqueId("ho"));
        team = f.team(api());
        lead = f.user(Role.TEAM_LEAD, team, null);
        ann = f.agent(team, "JUNIOR", "zh-CN", "CONSUMER_LOAN", 10);
        bob = f.agent(team, "SENIOR", "zh-CN", "CONSUMER_LOAN", 10);
        supervisor = f.user(Role.SUPERVISOR, null, null);
    }

    private ApiClient as(String user) {
        return api(user, TeamFixture.PASSWORD);
    }

    @Test
    void aHandoverKeepsTheFullHistoryOfWhoHeldTheCaseWhenAndWhy() {
        String caseId = f.pooledCase(team, "CONSUMER_LOAN", "CN");
        assertThat(as(supervisor).put("/api/v1/cases/" + caseId + "/assignment",
                "{\"agent\":\"" + ann + "\",\"reason\":\"first holder\"}").status()).isEqualTo(200);

        var byAgent = as(ann).post("/api/v1/cases/" + caseId + "/handover",
                "{\"toAgent\":\"" + bob + "\",\"reason\":\"debtor asks for a senior\"}");
        assertThat(byAgent.status()).as(byAgent.body()).isEqualTo(200);
        assertThat(f.holder(caseId)).isEqualTo(bob);
        var byLead = as(lead).post("/api/v1/cases/" + caseId + "/handover",
                "{\"toTeam\":\"visit\",\"reason\":\"not reachable by phone for 30 days\"}");
        assertThat(byLead.status()).as(byLead.body()).isEqualTo(200);

        var history = as(supervisor).get("/api/v1/cases/" + caseId + "/assignment-history");
        assertThat(history.status()).isEqualTo(200);
        JsonNode h = history.json();
        assertThat(h.size()).isEqualTo(4);
        assertThat(line(h.get(0))).isEqualTo("1|" + team + "|-|teams-it|routed to the team");
        assertThat(line(h.get(1))).isEqualTo("2|" + team + "|" + ann + "|" + supervisor + "|first holder");
        assertThat(line(h.get(2))).isEqualTo("3|" + team + "|" + bob + "|" + ann + "|handover: debtor asks for a senior");
        assertThat(line(h.get(3))).isEqualTo("4|visit|-|" + lead + "|handover: not reachable by phone for 30 days");
        assertThat(h.get(3).get("assignedAt").asString()).isNotBlank();
        // the work queue follows: the case is now in the visit channel's pool
        assertThat(jdbc.sql("SELECT team FROM case_assignment WHERE case_id = ?").param(caseId).query(String.class)
                .single()).isEqualTo("visit");
    }

    private static String line(JsonNode e) {
        return e.get("seq").asInt() + "|" + e.get("team").asString() + "|"
                + (e.get("agent").isNull() ? "-" : e.get("agent").asString()) + "|" + e.get("assignedBy").asString()
                + "|" + e.get("reason").asString();
    }

    @Test
    void anAgentCannotHandOverOrReassignACaseSomeoneElseHolds() {
        String caseId = f.pooledCase(team, "CONSUMER_LOAN", "CN");
        routing.assign(TeamFixture.SUPERVISOR, caseId, new CaseRouting.Assignment(null, ann, null, "ann's"));

        // a colleague does not see a case another agent holds: it is not found for them
        var byColleague = as(bob).post("/api/v1/cases/" + caseId + "/handover",
                "{\"toAgent\":\"" + bob + "\",\"reason\":\"I'll take it\"}");
        assertThat(byColleague.status()).isEqualTo(404);
        // a case waiting in the team pool they see, but hold not: they may not hand it over
        String pooled = f.pooledCase(team, "CONSUMER_LOAN", "CN");
        var fromPool = as(bob).post("/api/v1/cases/" + pooled + "/handover",
                "{\"toAgent\":\"" + bob + "\",\"reason\":\"I'll take it\"}");
        assertThat(fromPool.status()).isEqualTo(403);
        assertThat(f.holder(pooled)).isNull();
        assertThat(as(bob).put("/api/v1/cases/" + caseId + "/assignment",
                "{\"agent\":\"" + bob + "\",\"reason\":\"mine\"}").status()).isEqualTo(403);
        String outsider = f.agent(uniqueId("other"), "SENIOR", "zh-CN", "CONSUMER_LOAN", 10);
        assertThat(as(outsider).post("/api/v1/cases/" + caseId + "/handover",
                "{\"toAgent\":\"" + outsider + "\",\"reason\":\"x\"}").status()).isEqualTo(404);
        assertThat(f.holder(caseId)).isEqualTo(ann);
    }

    @Test
    void agentsAndLeadsHandOverWithinTheirTeamOrToAChannelButNotToAnotherTeam() {
        String caseId = f.pooledCase(team, "CONSUMER_LOAN", "CN");
        routing.assign(TeamFixture.SUPERVISOR, caseId, new CaseRouting.Assignment(null, ann, null, "ann's"));
        String elsewhere = "elsewhere-" + team;
        assertThat(api().put("/api/v1/teams/" + elsewhere, "{\"name\":\"elsewhere\"}").status()).isEqualTo(200);
        String outsider = f.agent(elsewhere, "SENIOR", "zh-CN", "CONSUMER_LOAN", 10);

        var toOtherTeam = as(ann).post("/api/v1/cases/" + caseId + "/handover",
                "{\"toTeam\":\"" + elsewhere + "\",\"reason\":\"x\"}");
        assertThat(toOtherTeam.status()).isEqualTo(403);
        var toOutsider = as(lead).post("/api/v1/cases/" + caseId + "/handover",
                "{\"toAgent\":\"" + outsider + "\",\"reason\":\"x\"}");
        assertThat(toOutsider.status()).isEqualTo(400);
        assertThat(toOutsider.body()).contains("toAgent");
        var backToPool = as(ann).post("/api/v1/cases/" + caseId + "/handover",
                "{\"toTeam\":\"" + team + "\",\"reason\":\"going on leave\"}");
        assertThat(backToPool.status()).as(backToPool.body()).isEqualTo(200);
        assertThat(f.holder(caseId)).isNull();
        // a supervisor may move it anywhere
        assertThat(as(supervisor).post("/api/v1/cases/" + caseId + "/handover",
                "{\"toAgent\":\"" + outsider + "\",\"reason\":\"specialist\"}").status()).isEqualTo(200);
        assertThat(f.holder(caseId)).isEqualTo(outsider);
    }

    @Test
    void aHandoverNeedsAReasonAndATargetThatExists() {
        String caseId = f.pooledCase(team, "CONSUMER_LOAN", "CN");

        var noReason = as(supervisor).post("/api/v1/cases/" + caseId + "/handover", "{\"toAgent\":\"" + ann + "\"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("REASON_REQUIRED").contains("reason");
        var unknown = as(supervisor).post("/api/v1/cases/" + caseId + "/handover",
                "{\"toTeam\":\"no-such-team\",\"reason\":\"x\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("toTeam");
        var both = as(supervisor).post("/api/v1/cases/" + caseId + "/handover",
                "{\"toTeam\":\"visit\",\"toAgent\":\"" + ann + "\",\"reason\":\"x\"}");
        assertThat(both.status()).isEqualTo(400);
        assertThat(f.holder(caseId)).isNull();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM case_assignment_history WHERE case_id = ?").param(caseId)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aHandoverToAnAgentAtCapacityIsRefusedAndChangesNothing() {
        String full = f.agent(team, "SENIOR", "zh-CN", "CONSUMER_LOAN", 1);
        routing.assign(TeamFixture.SUPERVISOR, f.openCase("CONSUMER_LOAN", "CN"),
                new CaseRouting.Assignment(null, full, null, "their one case"));
        String caseId = f.pooledCase(team, "CONSUMER_LOAN", "CN");

        var refused = as(lead).post("/api/v1/cases/" + caseId + "/handover",
                "{\"toAgent\":\"" + full + "\",\"reason\":\"x\"}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("AGENT_AT_CAPACITY");
        assertThat(f.holder(caseId)).isNull();
        assertThat(f.held(full)).isEqualTo(1);
    }

    @Test
    void theHistoryOfACaseOutsideTheCallersScopeIsNotFound() {
        String caseId = f.pooledCase(team, "CONSUMER_LOAN", "CN");
        String outsider = f.agent(uniqueId("other"), "SENIOR", "zh-CN", "CONSUMER_LOAN", 10);

        assertThat(as(outsider).get("/api/v1/cases/" + caseId + "/assignment-history").status()).isEqualTo(404);
        assertThat(as(ann).get("/api/v1/cases/" + caseId + "/assignment-history").status()).isEqualTo(200);
    }
}
