package org.recoup.app.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.recoup.app.ApiClient;
import org.recoup.app.IntegrationTest;
import org.recoup.app.security.Role;
import org.recoup.app.security.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Strategy versions through the API: stored, validated with rule and line, activated one at a time. */
class StrategyApiIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String YAML = "text/yaml";

    @Autowired
    Strategies strategies;

    @Autowired
    UserAccounts users;

    private static String small(String id) {
        return """
                id: %s
                rules:
                  - id: early
                    when: "account.stage == 'EARLY'"
                    then: { action: SMS, priority: 40, template: early-reminder }
                  - id: late
                    when: "account.dpd >= 90"
                    then: { action: LETTER, priority: 80, template: lawyer-letter }
                """.formatted(id);
    }

    private static String json(String yaml, String note) {
        return JSON.writeValueAsString(Map.of("yaml", yaml, "note", note));
    }

    private ApiClient agent() {
        String username = uniqueId("agent");
        users.createIfAbsent(username, "secret-" + username, "Agent", Role.AGENT, "en");
        return api(username, "secret-" + username);
    }

    @Test
    void theShippedStrategyIsStoredAsTheActiveVersionOne() {
        JsonNode list = api().get("/api/v1/strategies").json();

        JsonNode shipped = null;
        for (JsonNode s : list) {
            if (s.get("id").asString().equals("consumer-default")) {
                shipped = s.get("versions").get(0);
            }
        }
        assertThat(shipped).as(list.toString()).isNotNull();
        assertThat(shipped.get("version").asInt()).isEqualTo(1);
        assertThat(shipped.get("createdBy").asString()).isEqualTo("system");

        var yaml = api().get("/api/v1/strategies/consumer-default/versions/1", Map.of("Accept", YAML));
        assertThat(yaml.status()).isEqualTo(200);
        assertThat(yaml.contentType()).startsWith("text/yaml");
        assertThat(yaml.body()).isEqualTo(StrategyVersions.shippedYaml());
        assertThat(StrategyYaml.check(yaml.body(), null).document())
                .isEqualTo(org.recoup.engine.strategy.DefaultStrategies.consumerDefault());

        JsonNode detail = api().get("/api/v1/strategies/consumer-default/versions/1").json();
        assertThat(detail.get("yaml").asString()).isEqualTo(yaml.body());
        assertThat(detail.get("rules").asInt()).isEqualTo(24);
    }

    @Test
    void aTextWithAnUnknownFactIsRefusedWith422NamingTheRuleAndLine() {
        String id = uniqueId("s");
        String broken = small(id).replace("account.dpd >= 90", "account.dpdd >= 90");

        var refused = api().postBody("/api/v1/strategies/" + id + "/versions", YAML, broken);

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        JsonNode error = refused.json().get("errors").get(0);
        assertThat(error.get("rule").asString()).isEqualTo("late");
        assertThat(error.get("line").asInt()).isEqualTo(7);
        assertThat(error.get("code").asString()).isEqualTo("UNKNOWN_FACT");
        assertThat(refused.json().get("detail").asString())
                .startsWith("rule 'late' (line 7): unknown fact 'account.dpdd'; did you mean account.dpd?");
        assertThat(api().get("/api/v1/strategies/" + id + "/versions/1").status()).as("nothing stored").isEqualTo(404);
    }

    @Test
    void anExpensiveConditionIsRefusedAtSave() {
        String id = uniqueId("s");
        String nested = small(id).replace("account.dpd >= 90",
                "segment.tags.exists(a, segment.tags.exists(b, segment.tags.exists(c, a == b && b == c)))");

        var refused = api().post("/api/v1/strategies/" + id + "/versions", json(nested, "nested"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").get(0).get("code").asString()).isEqualTo("NESTED_COMPREHENSION");
        assertThat(refused.json().get("errors").get(0).get("rule").asString()).isEqualTo("late");
    }

    @Test
    void aValidTextIsSavedAsTheNextDraftWithItsVersionSetInTheText() {
        String id = uniqueId("s");

        var first = api().postBody("/api/v1/strategies/" + id + "/versions?note=first", YAML, small(id));
        var second = api().post("/api/v1/strategies/" + id + "/versions", json(small(id) + "# again\n", "second"));

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        assertThat(second.json().get("version").asInt()).isEqualTo(2);
        assertThat(second.json().get("status").asString()).isEqualTo("DRAFT");
        assertThat(second.json().get("note").asString()).isEqualTo("second");
        assertThat(second.json().get("createdBy").asString()).isEqualTo("admin");
        assertThat(second.json().get("yaml").asString()).startsWith("id: " + id + "\nversion: 2\nrules:");
        assertThat(first.json().get("note").asString()).isEqualTo("first");
    }

    @Test
    void aTextWhoseIdDiffersFromThePathIsRefused() {
        var refused = api().post("/api/v1/strategies/" + uniqueId("s") + "/versions", json(small("other"), "x"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").get(0).get("code").asString()).isEqualTo("ID_MISMATCH");
        assertThat(refused.json().get("errors").get(0).get("line").asInt()).isEqualTo(1);
    }

    @Test
    void validateChecksWithoutSaving() {
        String id = uniqueId("s");

        var ok = api().postBody("/api/v1/strategies/validate", YAML, small(id));
        var bad = agent().postBody("/api/v1/strategies/validate", YAML, small(id).replace("SMS", "SMSS"));

        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().get("valid").asBoolean()).isTrue();
        assertThat(ok.json().get("rules").asInt()).isEqualTo(2);
        assertThat(bad.status()).as("anyone may validate").isEqualTo(422);
        assertThat(bad.json().get("errors").get(0).get("rule").asString()).isEqualTo("early");
        assertThat(bad.json().get("errors").get(0).get("line").asInt()).isEqualTo(5);
        assertThat(api().get("/api/v1/strategies/" + id + "/versions/1").status()).isEqualTo(404);
    }

    @Test
    void anAgentMayReadButNotSaveOrActivate() {
        ApiClient agent = agent();
        String id = uniqueId("s");

        assertThat(agent.get("/api/v1/strategies").status()).isEqualTo(200);
        assertThat(agent.postBody("/api/v1/strategies/" + id + "/versions", YAML, small(id)).status()).isEqualTo(403);
        assertThat(agent.post("/api/v1/strategies/consumer-default/versions/1/activate", "").status()).isEqualTo(403);
    }

    @Test
    void activatingAVersionRetiresThePreviousChampionAndTheSetFollows() {
        StrategySet before = strategies.current();
        assertThat(strategies.current()).as("unchanged: the cached set").isSameAs(before);
        String id = uniqueId("s");
        api().postBody("/api/v1/strategies/" + id + "/versions", YAML, small(id));
        try {
            var activated = api().post("/api/v1/strategies/" + id + "/versions/1/activate", "");

            assertThat(activated.status()).as(activated.body()).isEqualTo(200);
            assertThat(activated.json().get("status").asString()).isEqualTo("ACTIVE");
            assertThat(activated.json().get("activatedBy").asString()).isEqualTo("admin");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM strategy_version WHERE status = 'ACTIVE'").query(Integer.class)
                    .single()).isEqualTo(1);
            assertThat(api().get("/api/v1/strategies/consumer-default/versions/1").json().get("status").asString())
                    .isEqualTo("RETIRED");
            StrategySet after = strategies.current();
            assertThat(after).isNotSameAs(before);
            assertThat(after.championId()).isEqualTo(id);
            assertThat(after.versions()).containsExactly(id + " v1");
            assertThat(api().post("/api/v1/strategies/" + id + "/versions/1/activate", "").status())
                    .as("activating the active version changes nothing").isEqualTo(200);
        } finally {
            api().post("/api/v1/strategies/consumer-default/versions/1/activate", "");
        }
        assertThat(strategies.current().championId()).isEqualTo("consumer-default");
        assertThat(api().get("/api/v1/strategies/" + id + "/versions/1").json().get("status").asString())
                .isEqualTo("RETIRED");
    }

    @Test
    void aSecondActiveRowIsRefusedByTheDatabase() {
        String id = uniqueId("s");
        api().postBody("/api/v1/strategies/" + id + "/versions", YAML, small(id));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql(
                        "UPDATE strategy_version SET status = 'ACTIVE', champion_slot = 'Y' WHERE strategy_id = ?")
                .param(id).update())
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    }

    @Test
    void simulatingCompilesADraftWithoutExperiments() {
        String id = uniqueId("s");
        api().postBody("/api/v1/strategies/" + id + "/versions", YAML, small(id));

        StrategySet simulated = strategies.simulating(id, 1);

        assertThat(simulated.championId()).isEqualTo(id);
        assertThat(simulated.experimentIds()).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> strategies.simulating(id, 9))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentActivationsLeaveExactlyOneChampion() throws Exception {
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String id = uniqueId("race");
            api().postBody("/api/v1/strategies/" + id + "/versions", YAML, small(id));
            ids.add(id);
        }
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(ids.size())) {
            var start = new java.util.concurrent.CountDownLatch(1);
            java.util.List<java.util.concurrent.Future<Integer>> statuses = new java.util.ArrayList<>();
            for (String id : ids) {
                statuses.add(pool.submit(() -> {
                    start.await();
                    return api().post("/api/v1/strategies/" + id + "/versions/1/activate", "").status();
                }));
            }
            start.countDown();
            for (var status : statuses) {
                assertThat(status.get()).as("activated or told to retry").isIn(200, 409);
            }
            assertThat(jdbc.sql("SELECT COUNT(*) FROM strategy_version WHERE status = 'ACTIVE'").query(Integer.class)
                    .single()).isEqualTo(1);
        } finally {
            api().post("/api/v1/strategies/consumer-default/versions/1/activate", "");
        }
        assertThat(strategies.current().championId()).isEqualTo("consumer-default");
    }

    @Test
    void everyEndpointIsInTheOpenApiDocument() {
        JsonNode paths = anonymous().get("/v3/api-docs").json().get("paths");

        assertThat(paths.propertyNames()).contains("/api/v1/strategies", "/api/v1/strategies/{id}/versions",
                "/api/v1/strategies/{id}/versions/{version}", "/api/v1/strategies/validate",
                "/api/v1/strategies/{id}/versions/{version}/activate", "/api/v1/experiments", "/api/v1/experiments/{id}",
                "/api/v1/experiments/{id}/stop", "/api/v1/experiments/{id}/report",
                "/api/v1/config/segmentation-policy");
        assertThat(paths.propertyNames()).noneMatch(p -> p.startsWith("/ui/"));
    }

    @Test
    void unknownVersionIs404() {
        var missing = api().get("/api/v1/strategies/consumer-default/versions/999");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("code").asString()).isEqualTo("NOT_FOUND");
    }
}
