package org.recoup.app.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recoup.app.ApiClient;
import org.recoup.app.IntegrationTest;
import org.recoup.app.security.Role;
import org.recoup.app.security.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The queue over HTTP: next case, release, assignment, depth and the routing configuration, role by role. */
class QueueApiIT extends IntegrationTest {

    private static final String PASSWORD = "queue-it-password";

    @Autowired
    UserAccounts users;
    @Autowired
    WorkQueue queue;
    @Autowired
    Clock clock;

    private QueueFixture fixture;
    private String team;

    @BeforeEach
    void setUp() {
        fixture = new QueueFixture(jdbc);
        team = uniqueId("team");
    }

    private String user(Role role, String team) {
        String name = uniqueId(role.name().toLowerCase());
        users.createIfAbsent(name, PASSWORD, name, role, "en");
        jdbc.sql("UPDATE app_user SET team = ?, tier = ? WHERE username = ?")
                .params(team, role == Role.AGENT ? "INTERMEDIATE" : null, name).update();
        return name;
    }

    private ApiClient as(String username) {
        return api(username, PASSWORD);
    }

    /** A case of {@code team} waiting since an hour ago (the API uses the real clock), in a rebuilt queue. */
    private String waitingCase(String team, String agent) {
        return waitingCases(team, agent, 1);
    }

    /** {@code n} such cases (a rebuild keeps only the date it rebuilds from); returns the last. */
    private String waitingCases(String team, String agent, int n) {
        LocalDate asOf = LocalDate.now(clock).plusYears(30).plusDays(System.nanoTime() % 1000);
        String caseId = null;
        for (int i = 0; i < n; i++) {
            caseId = fixture.queuedCase(uniqueId("C-P"), asOf, 77, clock.instant().minusSeconds(3600), team, agent);
        }
        queue.rebuild(asOf, clock.instant());
        return caseId;
    }

    @Test
    void nextCaseAnswersTheCaseLockedToTheAgentAndReleaseGivesItBack() {
        String agent = user(Role.AGENT, team);
        String caseId = waitingCase(team, null);

        ApiClient.Response next = as(agent).post("/api/v1/queue/next", "");

        assertThat(next.status()).as(next.body()).isEqualTo(200);
        JsonNode body = next.json();
        assertThat(body.get("caseId").asString()).isEqualTo(caseId);
        assertThat(body.get("priority").asInt()).isEqualTo(77);
        assertThat(body.get("reason").asString()).isEqualTo("first-week-daily-call");
        assertThat(body.get("lockedUntil").asString()).isNotBlank();
        assertThat(queue.lockHolder(caseId, clock.instant())).contains(agent);

        assertThat(as(agent).post("/api/v1/cases/" + caseId + "/lock", "").status()).isEqualTo(200);
        assertThat(as(agent).post("/api/v1/cases/" + caseId + "/release", "").status()).isEqualTo(204);
        assertThat(queue.lockHolder(caseId, clock.instant())).isEmpty();
        assertThat(as(agent).post("/api/v1/cases/" + caseId + "/lock", "").status()).isEqualTo(409);
    }

    @Test
    void anEmptyQueueAnswers204AndRolesThatDoNotWorkTheQueueAreRefused() {
        String agent = user(Role.AGENT, uniqueId("team"));
        String supervisor = user(Role.SUPERVISOR, null);

        assertThat(as(agent).post("/api/v1/queue/next", "").status()).isEqualTo(204);
        ApiClient.Response refused = as(supervisor).post("/api/v1/queue/next", "");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("NOT_A_QUEUE_USER");
    }

    @Test
    void anAgentCannotReleaseACaseOfAnotherTeamItIsNotFound() {
        String caseId = waitingCase(team, null);
        String outsider = user(Role.AGENT, uniqueId("team"));

        assertThat(as(outsider).post("/api/v1/cases/" + caseId + "/release", "").status()).isEqualTo(404);
    }

    @Test
    void aSupervisorReassignsACaseToAnAgentWithAReasonAndTheHistoryKeepsBoth() {
        String caseId = waitingCase(team, null);
        String otherTeam = uniqueId("team");
        String target = user(Role.AGENT, otherTeam);
        String formerTeamAgent = user(Role.AGENT, team);
        String supervisor = user(Role.SUPERVISOR, null);

        ApiClient.Response moved = as(supervisor).put("/api/v1/cases/" + caseId + "/assignment",
                "{\"agent\":\"" + target + "\",\"reason\":\"senior handles repeat disputes\"}");

        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().get("team").asString()).isEqualTo(otherTeam);
        assertThat(jdbc.sql("SELECT agent || '|' || assigned_by || '|' || reason FROM case_assignment_history "
                        + "WHERE case_id = ? ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY").param(caseId)
                .query(String.class).single()).isEqualTo(target + "|" + supervisor + "|senior handles repeat disputes");
        assertThat(as(formerTeamAgent).post("/api/v1/queue/next", "").status()).isEqualTo(204);
        ApiClient.Response next = as(target).post("/api/v1/queue/next", "");
        assertThat(next.json().get("caseId").asString()).isEqualTo(caseId);
    }

    @Test
    void anAssignmentWithoutAReasonIsRefusedNamingTheField() {
        String caseId = waitingCase(team, null);
        String supervisor = user(Role.SUPERVISOR, null);

        ApiClient.Response refused = as(supervisor).put("/api/v1/cases/" + caseId + "/assignment",
                "{\"team\":\"late\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("field").asString()).isEqualTo("reason");
    }

    @Test
    void agentsCannotAssignAndATeamLeadOnlyWithinTheirTeam() {
        String caseId = waitingCase(team, null);
        String agent = user(Role.AGENT, team);
        String otherLead = user(Role.TEAM_LEAD, uniqueId("team"));
        String lead = user(Role.TEAM_LEAD, team);
        String body = "{\"team\":\"" + team + "\",\"reason\":\"rebalance\"}";

        assertThat(as(agent).put("/api/v1/cases/" + caseId + "/assignment", body).status()).isEqualTo(403);
        assertThat(as(otherLead).put("/api/v1/cases/" + caseId + "/assignment", body).status()).isEqualTo(404);
        assertThat(as(lead).put("/api/v1/cases/" + caseId + "/assignment",
                "{\"team\":\"late\",\"reason\":\"move out\"}").status()).isEqualTo(403);
        assertThat(as(lead).put("/api/v1/cases/" + caseId + "/assignment",
                "{\"agent\":\"" + agent + "\",\"reason\":\"yours\"}").status()).isEqualTo(200);
    }

    @Test
    void depthIsForSupervisorsAndTeamLeadsAndCountsTheTeamsWaitingCases() {
        waitingCases(team, null, 2);
        String lead = user(Role.TEAM_LEAD, team);
        String agent = user(Role.AGENT, team);

        ApiClient.Response depth = as(lead).get("/api/v1/queue/depth");

        assertThat(depth.status()).isEqualTo(200);
        assertThat(depth.json().size()).isEqualTo(1);
        assertThat(depth.json().get(0).get("team").asString()).isEqualTo(team);
        assertThat(depth.json().get(0).get("waitingNow").asLong()).isEqualTo(2);
        assertThat(as(agent).get("/api/v1/queue/depth").status()).isEqualTo(403);
    }

    @Test
    void theRoutingConfigurationIsValidatedOnSaveNamingTheField() {
        ApiClient.Response shipped = api().get("/api/v1/config/queue-routing");
        assertThat(shipped.status()).isEqualTo(200);
        assertThat(shipped.json().get("routes").get(0).get("team").asString()).isEqualTo("early");

        ApiClient.Response unknown = api().put("/api/v1/config/queue-routing",
                "{\"routes\":[{\"team\":\"early\",\"buckets\":[\"M0\",\"M9\"]}],\"lockMinutes\":15}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("field").asString()).isEqualTo("routes[0].buckets[1]");

        ApiClient.Response twice = api().put("/api/v1/config/queue-routing",
                "{\"routes\":[{\"team\":\"a\",\"buckets\":[\"M1\"]},{\"team\":\"b\",\"buckets\":[\"M1\"]}],\"lockMinutes\":15}");
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.json().get("field").asString()).isEqualTo("routes[1].buckets[0]");

        ApiClient.Response noLock = api().put("/api/v1/config/queue-routing",
                "{\"routes\":[{\"team\":\"early\",\"buckets\":[\"M1\"]}],\"lockMinutes\":0}");
        assertThat(noLock.status()).isEqualTo(400);
        assertThat(noLock.json().get("field").asString()).isEqualTo("lockMinutes");

        String agent = user(Role.AGENT, team);
        String same = "{\"routes\":[{\"team\":\"early\",\"buckets\":[\"M0\",\"M1\",\"M2\"]},"
                + "{\"team\":\"late\",\"buckets\":[\"M3\",\"M4\",\"M5\",\"M6\",\"M6+\"]}],\"lockMinutes\":15}";
        assertThat(as(agent).put("/api/v1/config/queue-routing", same).status()).isEqualTo(403);
        int before = shipped.json().get("version").asInt();
        ApiClient.Response saved = api().put("/api/v1/config/queue-routing", same);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().get("version").asInt()).isGreaterThan(before);
        assertThat(api().get("/api/v1/config/queue-routing").json().get("version").asInt())
                .isEqualTo(saved.json().get("version").asInt());
    }
}
