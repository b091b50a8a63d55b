package org.recoup.app.dailyrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recoup.app.DebtFileFixture;
import org.recoup.app.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** The run decides: cases, segments, strategy decisions, planned actions, their export and the moves history. */
class DailyRunDecisionsIT extends IntegrationTest {

    private DebtFileFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new DebtFileFixture(jdbc);
    }

    /** An account of 1,000.00 due on {@code due} (3 grace days), nothing paid; its borrower gets a mobile number. */
    private String overdueLoan(String due) {
        String id = fixture.account(uniqueId("L")).installment(1, due, "1000.00", "50.00", "0").id();
        jdbc.sql("INSERT INTO contact_point (contact_point_id, party_id, type, contact_value) VALUES (?, ?, 'MOBILE', ?)")
                .params(id + "-M", id + "-B", "+8613800000000").update();
        return id;
    }

    private long run(String asOf) {
        var run = api().post("/api/v1/runs?wait=true", "{\"asOf\":\"" + asOf + "\"}");
        assertThat(run.status()).as(run.body()).isEqualTo(200);
        assertThat(run.json().get("status").asString()).isEqualTo("SUCCEEDED");
        return run.json().get("id").asLong();
    }

    @Test
    void accountsOfOneBorrowerFormOneCaseWithOneQueueItemListingThem() {
        String first = overdueLoan("2033-01-05");
        String second = fixture.account(uniqueId("L")).installment(1, "2033-01-01", "500.00", "10.00", "0").id();
        String party = first + "-B";
        jdbc.sql("UPDATE account_party SET party_id = ? WHERE account_id = ?").params(party, second).update();

        run("2033-01-10");

        String caseId = "C-" + party;
        List<Map<String, Object>> actions = jdbc.sql("SELECT action, kind, accounts, status FROM run_action "
                + "WHERE as_of = DATE '2033-01-10' AND case_id = ?").param(caseId).query().listOfRows();
        assertThat(actions).isNotEmpty();
        assertThat(actions).extracting(a -> a.get("action")).doesNotHaveDuplicates();
        assertThat(actions).filteredOn(a -> "QUEUE".equals(a.get("kind"))).hasSize(1)
                .first().satisfies(q -> assertThat(q.get("accounts")).isEqualTo(
                        first.compareTo(second) < 0 ? first + "," + second : second + "," + first));
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT case_id) FROM run_decision WHERE as_of = DATE '2033-01-10' "
                + "AND account_id IN (?, ?)").params(first, second).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT status FROM collection_case WHERE case_id = ?").param(caseId).query(String.class)
                .single()).isEqualTo("OPEN");
    }

    @Test
    void stateShowsSegmentStrategyNextActionsAndAnExplanationNamingTheRuleThatFired() {
        String loan = overdueLoan("2033-02-03"); // dpd 7 (3 grace days)
        run("2033-02-10");

        JsonNode state = api().get("/api/v1/accounts/" + loan + "/state?asOf=2033-02-10").json();

        assertThat(state.get("decisionSource").asString()).isEqualTo("DAILY_RUN");
        assertThat(state.get("segment").get("grade").asString()).isIn("A", "B", "C");
        assertThat(state.get("segment").get("willingness").asString()).isIn("HIGH", "LOW");
        assertThat(state.get("strategy").get("id").asString()).isEqualTo("consumer-default");
        assertThat(state.get("strategy").get("version").asInt()).isPositive();
        String fired = state.get("strategy").get("firedRule").asString();
        assertThat(fired).isNotBlank();
        assertThat(state.get("nextActions").size()).isPositive();
        assertThat(state.get("nextActions").get(0).get("reason").asString()).isEqualTo("rule " + fired);
        assertThat(state.get("nextActions").get(0).get("status").asString()).isIn("PLANNED", "DEFERRED", "DROPPED");
        assertThat(state.get("explanation").toString()).contains("rule " + fired + ": matched — fired");

        JsonNode computed = api().get("/api/v1/accounts/" + loan + "/state?asOf=2033-02-11").json();
        assertThat(computed.get("decisionSource").asString()).isEqualTo("COMPUTED");
        assertThat(computed.get("strategy").get("id").asString()).isEqualTo("consumer-default");
        assertThat(computed.get("nextActions").get(0).get("status").asString()).isEqualTo("PROPOSED");
    }

    @Test
    void rerunningADateGivesByteIdenticalActionsAndNoDuplicates() {
        overdueLoan("2033-03-01");
        overdueLoan("2033-03-08");
        long first = run("2033-03-10");
        String actions = api().get("/api/v1/runs/" + first + "/actions.csv").body();
        long second = run("2033-03-10");
        String again = api().get("/api/v1/runs/" + second + "/actions.csv").body();

        assertThat(again).isEqualTo(actions);
        assertThat(actions).startsWith(AccountDecisions.ACTIONS_HEADER);
        long rows = jdbc.sql("SELECT COUNT(*) FROM run_action WHERE as_of = DATE '2033-03-10'").query(Long.class).single();
        assertThat(actions.lines().count() - 1).isEqualTo(rows);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM (SELECT DISTINCT case_id, action FROM run_action "
                + "WHERE as_of = DATE '2033-03-10') k").query(Long.class).single()).isEqualTo(rows);
    }

    @Test
    void aCaseClosesOnTheDateAllItsAccountsLeaveCollections() {
        String loan = overdueLoan("2034-01-05");
        run("2034-01-10");
        fixture.new AccountFixture(loan).payment(uniqueId("PAY"), "2034-01-12T10:00:00+08:00", "1100.00");
        run("2034-01-15");

        Map<String, Object> row = jdbc.sql("SELECT status, opened_on, closed_on FROM collection_case WHERE case_id = ?")
                .param("C-" + loan + "-B").query().singleRow();
        assertThat(row.get("status")).isEqualTo("CLOSED");
        assertThat(row.get("opened_on").toString()).isEqualTo("2034-01-10");
        assertThat(row.get("closed_on").toString()).isEqualTo("2034-01-15");
    }

    @Test
    void historyListsTheBucketMoveBetweenTwoRuns() {
        String loan = overdueLoan("2035-01-01");
        run("2035-01-20"); // dpd 19: M1
        run("2035-02-05"); // dpd 35: M2

        JsonNode history = api().get("/api/v1/accounts/" + loan + "/history").json();

        assertThat(history.get("moves").toString()).contains("\"dimension\":\"BUCKET\"", "\"from\":\"M1\"",
                "\"to\":\"M2\"", "\"asOf\":\"2035-02-05\"", "\"fromAsOf\":\"2035-01-20\"");
    }

    @Test
    void simulatingAStrategyVersionComparesActionCountsAndWritesNothing() {
        overdueLoan("2036-01-01");
        long decisionsBefore = jdbc.sql("SELECT COUNT(*) FROM run_decision").query(Long.class).single();
        long actionsBefore = jdbc.sql("SELECT COUNT(*) FROM run_action").query(Long.class).single();

        var response = api().post("/api/v1/strategies/consumer-default/versions/1/simulate", "{\"asOf\":\"2036-01-20\"}");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode result = response.json();
        assertThat(result.get("accounts").asLong()).isPositive();
        assertThat(result.get("candidate").get("byRule").size()).isPositive();
        assertThat(result.get("candidate").get("bySegment").size()).isPositive();
        // the shipped version is the one in force: no difference
        assertThat(result.get("accountsDecidedDifferently").asLong()).isZero();
        assertThat(result.get("ruleDifferences").size()).isZero();
        assertThat(result.get("candidate").get("actions")).isEqualTo(result.get("current").get("actions"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM run_decision").query(Long.class).single()).isEqualTo(decisionsBefore);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM run_action").query(Long.class).single()).isEqualTo(actionsBefore);

        var unknown = api().post("/api/v1/strategies/no-such-strategy/versions/9/simulate", "{\"asOf\":\"2036-01-20\"}");
        assertThat(unknown.status()).isEqualTo(404);
    }
}
