package org.recoup.app.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recoup.app.ApiClient;
import org.recoup.app.IntegrationTest;
import org.recoup.app.queue.CaseRouting;
import org.recoup.app.security.Role;
import org.recoup.app.security.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The supervisors' escalation queue: raised by agents or the strategy, seen and resolved by supervisors only. */
class EscalationIT extends IntegrationTest {

    @Autowired
    UserAccounts users;
    @Autowired
    CaseRouting routing;
    @Autowired
    Escalations escalations;

    private TeamFixture f;
    private String team;
    private String junior;
    private String supervisor;

    @BeforeEach
    void setUp() {
        f = new TeamFixture(jdbc, users, routing, uniqueId("es"));
        team = f.team(api());
        junior = f.agent(team, "JUNIOR", "zh-CN", "CONSUMER_LOAN", 10);
        supervisor = f.user(Role.SUPERVISOR, null, null);
    }

    private ApiClient as(String user) {
        return api(user, TeamFixture.PASSWORD);
    }

    /** The case's open escalation as the supervisor reads it (by id: the shared database holds many others). */
    private JsonNode openFor(String caseId) {
        return jdbc.sql("SELECT escalation_id FROM case_escalation WHERE case_id = ? AND status = 'OPEN'").param(caseId)
                .query(Long.class).optional()
                .map(id -> as(supervisor).get("/api/v1/escalations/" + id).json())
                .orElse(null);
    }

    @Test
    void anAgentEscalatesWithAReasonAndOnlySupervisorsSeeTheQueue() {
        String caseId = f.pooledCase(team, "CONSUMER_LOAN", "CN");
        routing.assign(TeamFixture.SUPERVISOR, caseId, new CaseRouting.Assignment(null, junior, null, "held"));
        String lead = f.user(Role.TEAM_LEAD, team, null);
        String compliance = f.user(Role.COMPLIANCE, null, null);

        var noReason = as(junior).post("/api/v1/cases/" + caseId + "/escalations", "{}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("reason");
        var raised = as(junior).post("/api/v1/cases/" + caseId + "/escalations",
                "{\"reason\":\"debtor disputes the debt and threatens a complaint\"}");
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        assertThat(as(junior).post("/api/v1/cases/" + caseId + "/escalations", "{\"reason\":\"again\"}").status())
                .isEqualTo(409);

        JsonNode e = openFor(caseId);
        assertThat(e).isNotNull();
        assertThat(e.get("source").asString()).isEqualTo("AGENT");
        assertThat(e.get("raisedBy").asString()).isEqualTo(junior);
        assertThat(e.get("holderTier").asString()).isEqualTo("JUNIOR");
        for (String other : new String[] {junior, lead, compliance}) {
            assertThat(as(other).get("/api/v1/escalations").status()).as(other).isEqualTo(403);
            assertThat(as(other).get("/api/v1/escalations/" + e.get("id").asLong()).status()).isEqualTo(403);
        }
        String outsider = f.agent(uniqueId("other"), "SENIOR", "zh-CN", "CONSUMER_LOAN", 10);
        assertThat(as(outsider).post("/api/v1/cases/" + caseId + "/escalations", "{\"reason\":\"x\"}").status())
                .isEqualTo(404);
    }

    @Test
    void theStrategysEscalateTasksJoinTheQueueOncePerDate() {
        String caseId = f.pooledCase(team, "CONSUMER_LOAN", "CN");
        LocalDate asOf = LocalDate.of(2031, 3, 3);
        jdbc.sql("""
                INSERT INTO run_action (as_of, case_id, action, run_id, kind, priority, tier, rule_id, accounts, status)
                VALUES (?, ?, 'ESCALATE', 0, 'TASK', 90, 'supervisor', 'repeat-broken-promises', ?, 'PLANNED')""")
                .params(asOf, caseId, f.accountOf(caseId)).update();

        escalations.importStrategyEscalations(asOf, Instant.now());
        escalations.importStrategyEscalations(asOf, Instant.now());

        assertThat(jdbc.sql("SELECT COUNT(*) FROM case_escalation WHERE case_id = ?").param(caseId).query(Long.class)
                .single()).isEqualTo(1);
        JsonNode e = openFor(caseId);
        assertThat(e.get("source").asString()).isEqualTo("STRATEGY");
        assertThat(e.get("reason").asString()).contains("repeat-broken-promises");
    }

    @Test
    void aSupervisorAssignsUpATierAndTheEscalationIsResolvedOnce() {
        String caseId = f.pooledCase(team, "CONSUMER_LOAN", "CN");
        routing.assign(TeamFixture.SUPERVISOR, caseId, new CaseRouting.Assignment(null, junior, null, "held"));
        String peer = f.agent(team, "JUNIOR", "zh-CN", "CONSUMER_LOAN", 10);
        String senior = f.agent(team, "SENIOR", "zh-CN", "CONSUMER_LOAN", 10);
        long id = as(junior).post("/api/v1/cases/" + caseId + "/escalations", "{\"reason\":\"needs a senior\"}")
                .json().get("id").asLong();
        String path = "/api/v1/escalations/" + id + "/resolution";

        var sideways = as(supervisor).post(path, "{\"action\":\"ASSIGN\",\"agent\":\"" + peer + "\",\"note\":\"x\"}");
        assertThat(sideways.status()).isEqualTo(400);
        assertThat(sideways.body()).contains("agent").contains("higher tier");
        var noNote = as(supervisor).post(path, "{\"action\":\"ASSIGN\",\"agent\":\"" + senior + "\"}");
        assertThat(noNote.status()).isEqualTo(400);
        assertThat(noNote.body()).contains("note");
        var up = as(supervisor).post(path, "{\"action\":\"ASSIGN\",\"agent\":\"" + senior
                + "\",\"note\":\"senior negotiates the dispute\"}");
        assertThat(up.status()).as(up.body()).isEqualTo(200);
        assertThat(up.json().get("status").asString()).isEqualTo("RESOLVED");
        assertThat(up.json().get("resolution").asString()).isEqualTo("ASSIGNED");
        assertThat(f.holder(caseId)).isEqualTo(senior);
        assertThat(jdbc.sql("SELECT reason FROM case_assignment_history WHERE case_id = ? ORDER BY seq DESC "
                + "FETCH FIRST 1 ROWS ONLY").param(caseId).query(String.class).single())
                .isEqualTo("escalation #" + id + " assigned up a tier: senior negotiates the dispute");
        assertThat(as(supervisor).post(path, "{\"action\":\"CLOSE\",\"note\":\"again\"}").status()).isEqualTo(409);
        assertThat(openFor(caseId)).isNull();
        // resolved, the case may be escalated again
        assertThat(as(senior).post("/api/v1/cases/" + caseId + "/escalations", "{\"reason\":\"legal threat\"}")
                .status()).isEqualTo(201);
    }

    @Test
    void aSupervisorHandsAnEscalatedCaseToLegal() {
        String caseId = f.pooledCase(team, "CONSUMER_LOAN", "CN");
        long id = as(supervisor).post("/api/v1/cases/" + caseId + "/escalations", "{\"reason\":\"fraud suspected\"}")
                .json().get("id").asLong();

        var handed = as(supervisor).post("/api/v1/escalations/" + id + "/resolution",
                "{\"action\":\"HANDOVER\",\"team\":\"legal\",\"note\":\"file with the court\"}");

        assertThat(handed.status()).as(handed.body()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT team FROM case_assignment WHERE case_id = ?").param(caseId).query(String.class)
                .single()).isEqualTo("legal");
        assertThat(jdbc.sql("SELECT resolved_at FROM case_escalation WHERE escalation_id = ?").param(id)
                .query(Timestamp.class).single()).isNotNull();
    }
}
