package org.recoup.app.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recoup.app.IntegrationTest;
import org.recoup.app.api.ApiProblem;
import org.recoup.app.queue.CaseRouting;
import org.recoup.app.queue.CasesRouted;
import org.recoup.app.security.Role;
import org.recoup.app.security.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import tools.jackson.databind.JsonNode;

/** Automatic assignment within a team: skills, capacity, balancing, overflow, concurrency. */
class TeamAssignmentIT extends IntegrationTest {

    @Autowired
    UserAccounts users;
    @Autowired
    CaseRouting routing;
    @Autowired
    TeamAssignment assignment;
    @Autowired
    ApplicationEventPublisher events;

    private TeamFixture f;
    private String team;

    @BeforeEach
    void setUp() {
        f = new TeamFixture(jdbc, users, routing, uniqueId("ta"));
        team = f.team(api());
    }

    @Test
    void casesGoOnlyToAgentsWhoseLanguageAndProductsMatchAndAFullTeamLeavesTheRestInThePool() {
        String zhLoans = f.agent(team, "INTERMEDIATE", "zh-CN", "CONSUMER_LOAN", 2);
        String enLoans = f.agent(team, "INTERMEDIATE", "en", "CONSUMER_LOAN,CREDIT_CARD", 1);
        String zhFees = f.agent(team, "JUNIOR", "zh-CN", "PROPERTY_FEE", 5);
        List<String> cnLoans = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            cnLoans.add(f.pooledCase(team, "CONSUMER_LOAN", "CN"));
        }
        List<String> usLoans = List.of(f.pooledCase(team, "CONSUMER_LOAN", "US"), f.pooledCase(team, "CONSUMER_LOAN", "UK"));
        String fee = f.pooledCase(team, "PROPERTY_FEE", "CN");

        var run = api().post("/api/v1/teams/" + team + "/assignment-runs", "");

        assertThat(run.status()).as(run.body()).isEqualTo(200);
        assertThat(run.json().get("placed").asInt()).isEqualTo(4);
        assertThat(run.json().get("leftInPool").asInt()).isEqualTo(3);
        assertThat(cnLoans.stream().map(f::holder).toList()).containsExactlyInAnyOrder(zhLoans, zhLoans, null, null);
        assertThat(usLoans.stream().map(f::holder).toList()).containsExactlyInAnyOrder(enLoans, null);
        assertThat(f.holder(fee)).isEqualTo(zhFees);
        assertThat(f.held(zhLoans)).isEqualTo(2);
        assertThat(f.held(enLoans)).isEqualTo(1);
        // the overflow stays in the team pool, in the work queue's team pool too
        for (String c : cnLoans) {
            if (f.holder(c) == null) {
                assertThat(jdbc.sql("SELECT team FROM case_assignment WHERE case_id = ?").param(c).query(String.class)
                        .single()).isEqualTo(team);
            }
        }
        // placements go through CaseRouting: the history names the assignment and the skills
        assertThat(jdbc.sql("SELECT assigned_by || '|' || agent || '|' || reason FROM case_assignment_history "
                        + "WHERE case_id = ? AND seq = 2").param(fee).query(String.class).single())
                .startsWith("assignment|" + zhFees + "|auto-assignment: skills zh-CN / PROPERTY_FEE");
    }

    @Test
    void equallySkilledAgentsAreBalancedLeastLoadedFirst() {
        String a = f.agent(team, "INTERMEDIATE", "zh-CN,en", "CONSUMER_LOAN", 10);
        String b = f.agent(team, "INTERMEDIATE", "zh-CN", "CONSUMER_LOAN", 10);
        String c = f.agent(team, "INTERMEDIATE", "zh-CN", "CONSUMER_LOAN,CREDIT_CARD", 10);
        // c already holds two cases
        for (int i = 0; i < 2; i++) {
            routing.assign(TeamFixture.SUPERVISOR, f.openCase("CONSUMER_LOAN", "CN"),
                    new CaseRouting.Assignment(null, c, null, "already held"));
        }
        for (int i = 0; i < 7; i++) {
            f.pooledCase(team, "CONSUMER_LOAN", "CN");
        }

        TeamAssignment.Result result = assignment.assignPool(team);

        assertThat(result.placed()).isEqualTo(7);
        assertThat(result.leftInPool()).isZero();
        // 9 open cases among 3 agents: 3 each
        assertThat(List.of(f.held(a), f.held(b), f.held(c))).containsExactly(3L, 3L, 3L);
    }

    @Test
    void anAgentWithoutAProfileIsNotGivenCasesAndAnEmptyTeamKeepsItsPool() {
        f.user(Role.AGENT, team, "JUNIOR");
        String caseId = f.pooledCase(team, "CONSUMER_LOAN", "CN");

        TeamAssignment.Result result = assignment.assignPool(team);

        assertThat(result.placed()).isZero();
        assertThat(result.leftInPool()).isEqualTo(1);
        assertThat(f.holder(caseId)).isNull();
    }

    @Test
    void concurrentAssignmentsAndHandoversNeverPushAnAgentAboveCapacity() throws Exception {
        String agent = f.agent(team, "SENIOR", "zh-CN", "CONSUMER_LOAN", 3);
        List<String> direct = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            direct.add(f.openCase("CONSUMER_LOAN", "CN"));
        }
        for (int i = 0; i < 4; i++) {
            f.pooledCase(team, "CONSUMER_LOAN", "CN");
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Callable<String>> work = new ArrayList<>();
            for (String caseId : direct) {
                work.add(() -> {
                    start.await();
                    try {
                        routing.assign(TeamFixture.SUPERVISOR, caseId,
                                new CaseRouting.Assignment(null, agent, null, "direct"));
                        return "assigned";
                    } catch (ApiProblem p) {
                        return p.code();
                    }
                });
            }
            for (int i = 0; i < 2; i++) {
                work.add(() -> {
                    start.await();
                    return "pool placed " + assignment.assignPool(team).placed();
                });
            }
            List<Future<String>> futures = new ArrayList<>();
            for (Callable<String> w : work) {
                futures.add(pool.submit(w));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> fu : futures) {
                outcomes.add(fu.get());
            }
            assertThat(outcomes).filteredOn(o -> !o.startsWith("pool") && !o.equals("assigned"))
                    .allMatch(o -> o.equals("AGENT_AT_CAPACITY"));
        } finally {
            pool.shutdownNow();
        }

        assertThat(f.held(agent)).isEqualTo(3);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM work_queue WHERE agent = ?").param(agent).query(Long.class).single())
                .isLessThanOrEqualTo(3);
    }

    @Test
    void afterEachRunTheTeamPoolsArePlaced() {
        String agent = f.agent(team, "INTERMEDIATE", "zh-CN", "CREDIT_CARD", 5);
        String caseId = f.pooledCase(team, "CREDIT_CARD", "CN");

        events.publishEvent(new CasesRouted(LocalDate.of(2026, 11, 24), Instant.now()));

        assertThat(f.holder(caseId)).isEqualTo(agent);
    }

    @Test
    void theTeamApiShowsMembersSkillsCapacityAndOpenCases() {
        String agent = f.agent(team, "JUNIOR", "zh-CN", "CONSUMER_LOAN", 4);
        routing.assign(TeamFixture.SUPERVISOR, f.openCase("CONSUMER_LOAN", "CN"),
                new CaseRouting.Assignment(null, agent, null, "held"));

        var response = api().get("/api/v1/teams/" + team);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode member = response.json().get("members").get(0);
        assertThat(member.get("username").asString()).isEqualTo(agent);
        assertThat(member.get("capacity").asInt()).isEqualTo(4);
        assertThat(member.get("openCases").asLong()).isEqualTo(1);
        assertThat(member.get("languages").get(0).asString()).isEqualTo("zh-CN");
    }

    @Test
    void profilesAreValidatedAndALeadEditsOnlyTheirOwnTeamsMembers() {
        String agent = f.user(Role.AGENT, team, "JUNIOR");
        String lead = f.user(Role.TEAM_LEAD, team, null);
        String otherLead = f.user(Role.TEAM_LEAD, uniqueId("other"), null);
        String path = "/api/v1/agents/" + agent + "/profile";

        var bad = api().put(path, "{\"languages\":[\"fr\"],\"products\":[],\"capacity\":5}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("languages[0]");
        assertThat(api().put(path, "{\"languages\":[],\"products\":[],\"capacity\":-1}").body()).contains("capacity");

        var byLead = api(lead, TeamFixture.PASSWORD).put(path,
                "{\"languages\":[\"en\",\"zh-CN\"],\"products\":[\"CREDIT_CARD\"],\"capacity\":12}");
        assertThat(byLead.status()).as(byLead.body()).isEqualTo(200);
        assertThat(byLead.json().get("capacity").asInt()).isEqualTo(12);
        assertThat(api(otherLead, TeamFixture.PASSWORD).put(path,
                "{\"languages\":[],\"products\":[],\"capacity\":1}").status()).isEqualTo(403);
        assertThat(api(agent, TeamFixture.PASSWORD).put(path,
                "{\"languages\":[],\"products\":[],\"capacity\":1}").status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT capacity FROM agent_profile WHERE username = ?").param(agent).query(Integer.class)
                .single()).isEqualTo(12);
    }
}
