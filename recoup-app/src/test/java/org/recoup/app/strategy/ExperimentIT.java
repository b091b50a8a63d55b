package org.recoup.app.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.recoup.app.IntegrationTest;
import org.recoup.app.security.Role;
import org.recoup.app.security.UserAccounts;
import org.recoup.engine.segmentation.Grade;
import org.recoup.engine.segmentation.Level;
import org.recoup.engine.segmentation.Quadrant;
import org.recoup.engine.segmentation.Segment;
import org.recoup.engine.strategy.Experiments;
import org.recoup.engine.strategy.StrategyFacts;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/** Champion/challenger: experiments split a segment between strategy versions by a stable hash. */
class ExperimentIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Strategies strategies;

    @Autowired
    UserAccounts users;

    @Autowired
    StrategyExperiments experiments;

    /** A challenger that calls everyone (rule 'call-all'), saved as a draft; returns its id. */
    private String challenger() {
        String id = uniqueId("challenger");
        var saved = api().postBody("/api/v1/strategies/" + id + "/versions", "text/yaml", """
                id: %s
                rules:
                  - id: call-all
                    when: "true"
                    then: { action: CALL, priority: 77, script: challenger-script }
                """.formatted(id));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        return id;
    }

    private static String experiment(String id, List<String> grades, List<String> quadrants, String strategyId,
                                     double share, double control) {
        return JSON.writeValueAsString(Map.of("id", id, "grades", grades, "quadrants", quadrants, "controlShare", control,
                "arms", List.of(Map.of("name", "challenger", "strategyId", strategyId, "strategyVersion", 1,
                        "share", share))));
    }

    /** A segment only the experiments of this test cover. */
    private static Segment unwillingUnableC() {
        return new Segment(Level.LOW, Level.LOW, Grade.C, Quadrant.UNWILLING_UNABLE, Set.of(), List.of(), 1);
    }

    @Test
    void casesInTheSegmentAreSplitByAStableHashAndDecidedByTheirArmsStrategy() {
        String strategy = challenger();
        String id = uniqueId("exp");
        var created = api().post("/api/v1/experiments",
                experiment(id, List.of("C"), List.of("UNWILLING_UNABLE"), strategy, 0.5, 0.5));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        try {
            assertThat(created.json().get("status").asString()).isEqualTo("RUNNING");
            assertThat(created.json().get("arms").size()).as("challenger and control").isEqualTo(2);
            var engineExperiment = StrategyExperiments.toEngine(experiments.get(id));
            StrategySet set = strategies.current();
            assertThat(set.experimentIds()).contains(id);
            assertThat(set.versions()).contains(strategy + " v1 (experiment " + id + ", arm challenger)");
            StrategyFacts facts = TestCases.facts(TestCases.overdue(70), unwillingUnableC());

            Set<String> arms = new HashSet<>();
            for (int i = 0; i < 200; i++) {
                String caseId = "CASE-" + i;
                StrategySet.CaseDecision decision = set.decideCase(caseId, facts);
                String expected = Experiments.armFor(caseId, engineExperiment).name();

                assertThat(decision.experimentId()).isEqualTo(id);
                assertThat(decision.decision().arm()).isEqualTo(expected);
                assertThat(strategies.current().decide(caseId, facts).arm()).as("same arm on every call").isEqualTo(expected);
                if (expected.equals("challenger")) {
                    assertThat(decision.decision().strategyId()).isEqualTo(strategy);
                    assertThat(decision.decision().firedRuleId()).isEqualTo("call-all");
                } else {
                    assertThat(decision.decision().strategyId()).isEqualTo("consumer-default");
                }
                arms.add(expected);
            }
            assertThat(arms).containsExactlyInAnyOrder("challenger", "control");

            Segment outside = new Segment(Level.HIGH, Level.HIGH, Grade.A, Quadrant.WILLING_ABLE, Set.of(), List.of(), 1);
            StrategySet.CaseDecision notInIt = set.decideCase("CASE-1", TestCases.facts(TestCases.overdue(3), outside));
            assertThat(notInIt.experimentId()).isNull();
            assertThat(notInIt.decision().arm()).isNull();
        } finally {
            api().post("/api/v1/experiments/" + id + "/stop", "");
        }
        assertThat(api().get("/api/v1/experiments/" + id).json().get("status").asString()).isEqualTo("STOPPED");
        assertThat(strategies.current().experimentIds()).doesNotContain(id);
        assertThat(strategies.current().decideCase("CASE-1",
                TestCases.facts(TestCases.overdue(70), unwillingUnableC())).experimentId()).isNull();
    }

    @Test
    void sharesMustAddUpToOne() {
        var refused = api().post("/api/v1/experiments",
                experiment(uniqueId("exp"), List.of("C"), List.of(), "consumer-default", 0.3, 0.5));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("code").asString()).isEqualTo("INVALID_EXPERIMENT");
        assertThat(refused.json().get("field").asString()).isEqualTo("controlShare");
        assertThat(refused.json().get("detail").asString()).contains("add up to");
    }

    @Test
    void anArmMustNameAStoredVersion() {
        var refused = api().post("/api/v1/experiments",
                experiment(uniqueId("exp"), List.of(), List.of(), "no-such-strategy", 0.5, 0.5));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("field").asString()).isEqualTo("arms[0].strategyVersion");
    }

    @Test
    void anUnknownGradeIsRefusedNamingTheField() {
        var refused = api().post("/api/v1/experiments",
                experiment(uniqueId("exp"), List.of("D"), List.of(), "consumer-default", 0.5, 0.5));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("field").asString()).isEqualTo("grades");
    }

    @Test
    void runningExperimentsMayNotOverlapAndIdsAreNeverReused() {
        String first = uniqueId("exp");
        assertThat(api().post("/api/v1/experiments",
                experiment(first, List.of("C"), List.of("UNWILLING_UNABLE"), "consumer-default", 0.1, 0.9)).status())
                .isEqualTo(201);
        try {
            var overlap = api().post("/api/v1/experiments",
                    experiment(uniqueId("exp"), List.of(), List.of("UNWILLING_UNABLE"), "consumer-default", 0.1, 0.9));
            assertThat(overlap.status()).isEqualTo(409);
            assertThat(overlap.json().get("code").asString()).isEqualTo("EXPERIMENT_OVERLAP");
            assertThat(overlap.json().get("detail").asString()).contains(first);
        } finally {
            api().post("/api/v1/experiments/" + first + "/stop", "");
        }
        var again = api().post("/api/v1/experiments",
                experiment(first, List.of("A"), List.of(), "consumer-default", 0.1, 0.9));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("EXPERIMENT_EXISTS");
    }

    @Test
    void onlyAdminsAndSupervisorsStartExperiments() {
        String username = uniqueId("agent");
        users.createIfAbsent(username, "secret-" + username, "Agent", Role.AGENT, "en");

        var refused = api(username, "secret-" + username).post("/api/v1/experiments",
                experiment(uniqueId("exp"), List.of("C"), List.of(), "consumer-default", 0.5, 0.5));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(api(username, "secret-" + username).get("/api/v1/experiments").status()).isEqualTo(200);
    }
}
