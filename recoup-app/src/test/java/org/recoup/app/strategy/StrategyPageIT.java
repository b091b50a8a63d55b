package org.recoup.app.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.recoup.app.IntegrationTest;
import org.recoup.app.security.Role;
import org.recoup.app.security.UserAccounts;
import org.recoup.app.web.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/** The strategy editor pages: list, open, validate (htmx), save as draft, activate; experiment report page. */
class StrategyPageIT extends IntegrationTest {

    @Autowired
    UserAccounts users;

    private Browser signedIn(Role role, String language) {
        String username = uniqueId("page-user");
        users.createIfAbsent(username, "secret-" + username, "Page User", role, language);
        Browser browser = new Browser(port);
        browser.signIn(username, "secret-" + username);
        return browser;
    }

    @Test
    void theListShowsStrategiesWithTheirVersionsAndIsLinkedFromTheNavigation() {
        Browser browser = signedIn(Role.SUPERVISOR, "en");

        Browser.Page overview = browser.get("/");
        Browser.Page list = browser.get("/ui/strategies");

        assertThat(overview.body()).contains("href=\"/ui/strategies\"", ">Strategies<");
        assertThat(overview.body()).as("supervisors reach the compliance report from the navigation")
                .contains("href=\"/compliance/report\"").doesNotContain("sec:authorize");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("data-strategy=\"consumer-default\"",
                "href=\"/ui/strategies/consumer-default/versions/1\"", "Experiments");
    }

    @Test
    void theEditorValidatesWithHtmxShowingRuleAndLine() {
        Browser browser = signedIn(Role.SUPERVISOR, "en");
        Browser.Page editor = browser.get("/ui/strategies/consumer-default/versions/1");
        assertThat(editor.status()).isEqualTo(200);
        assertThat(editor.body()).contains("<textarea", "id: consumer-default", "Validate", "Save as new draft");
        String yaml = StrategyVersions.shippedYaml().replace("ptp.lastStatus == 'BROKEN'", "ptp.lastStatuz == 'BROKEN'");

        Browser.Page check = browser.post("/ui/strategies/validate", Map.of("yaml", yaml), Map.of("HX-Request", "true"));

        assertThat(check.status()).isEqualTo(200);
        assertThat(check.body()).contains("id=\"check-result\"", "data-rule=\"broken-promise\"",
                        "data-line=\"" + StrategyYamlTest.lineOf(yaml, "lastStatuz") + "\"", "unknown fact &#39;ptp.lastStatuz&#39;")
                .doesNotContain("<html");
        Browser.Page ok = browser.post("/ui/strategies/validate", Map.of("yaml", StrategyVersions.shippedYaml()),
                Map.of("HX-Request", "true"));
        assertThat(ok.body()).contains("Valid: 24 rules.");
    }

    @Test
    void savingCreatesADraftAndActivatingMakesItTheChampion() {
        Browser browser = signedIn(Role.ADMIN, "zh-CN");
        String id = uniqueId("page");
        api().postBody("/api/v1/strategies/" + id + "/versions", "text/yaml", """
                id: %s
                rules:
                  - id: all
                    when: "true"
                    then: { action: NO_ACTION, priority: 1 }
                """.formatted(id));
        browser.get("/ui/strategies/" + id + "/versions/1");
        String edited = api().get("/api/v1/strategies/" + id + "/versions/1", Map.of("Accept", "text/yaml")).body()
                .replace("priority: 1", "priority: 2");

        Browser.Page saved = browser.post("/ui/strategies/" + id + "/versions",
                Map.of("yaml", edited, "note", "more urgent", "from", "1"));

        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.redirectPath()).isEqualTo("/ui/strategies/" + id + "/versions/2?done=saved");
        Browser.Page draft = browser.get("/ui/strategies/" + id + "/versions/2?done=saved");
        assertThat(draft.body()).contains("已保存为新草稿", "草稿", "启用此版本", "priority: 2");

        try {
            Browser.Page activated = browser.post("/ui/strategies/" + id + "/versions/2/activate", Map.of());
            assertThat(activated.status()).isEqualTo(302);
            assertThat(api().get("/api/v1/strategies/" + id + "/versions/2").json().get("status").asString())
                    .isEqualTo("ACTIVE");
        } finally {
            api().post("/api/v1/strategies/consumer-default/versions/1/activate", "");
        }
    }

    @Test
    void anInvalidTextIsNotSavedAndTheErrorsAreShown() {
        Browser browser = signedIn(Role.ADMIN, "en");
        browser.get("/ui/strategies/consumer-default/versions/1");
        String broken = StrategyVersions.shippedYaml().replace("action: LETTER, priority: 80", "action: LETTRE, priority: 80");

        Browser.Page refused = browser.post("/ui/strategies/consumer-default/versions", Map.of("yaml", broken, "from", "1"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("data-rule=\"lawyer-letter\"", "unknown action", "LETTRE");
        assertThat(api().get("/api/v1/strategies").body()).doesNotContain("LETTRE");
    }

    @Test
    void anAgentSeesTheEditorWithoutSaveOrActivateAndCannotPost() {
        Browser browser = signedIn(Role.AGENT, "en");

        Browser.Page editor = browser.get("/ui/strategies/consumer-default/versions/1");
        Browser.Page post = browser.post("/ui/strategies/consumer-default/versions",
                Map.of("yaml", StrategyVersions.shippedYaml(), "from", "1"));

        assertThat(editor.status()).isEqualTo(200);
        assertThat(editor.body()).contains("Validate").doesNotContain("Save as new draft");
        assertThat(editor.body()).as("agents are not offered the compliance report").doesNotContain("/compliance/report");
        assertThat(post.status()).isEqualTo(403);
    }

    @Test
    void savingNeedsTheCsrfToken() {
        Browser browser = signedIn(Role.ADMIN, "en");
        browser.get("/ui/strategies/consumer-default/versions/1");

        Browser.Page forged = browser.postRaw("/ui/strategies/consumer-default/versions",
                Map.of("yaml", StrategyVersions.shippedYaml(), "from", "1"), Map.of());

        assertThat(forged.status()).isEqualTo(403);
    }

    @Test
    void theExperimentPageShowsEachArm() {
        String id = uniqueId("page-exp");
        api().post("/api/v1/experiments", JsonMapper.builder().build().writeValueAsString(Map.of("id", id,
                "grades", List.of("B"), "quadrants", List.of("UNWILLING_UNABLE"), "controlShare", 0.5, "arms",
                List.of(Map.of("name", "b", "strategyId", "consumer-default", "strategyVersion", 1, "share", 0.5)))));
        api().post("/api/v1/experiments/" + id + "/stop", "");
        Browser browser = signedIn(Role.TEAM_LEAD, "zh-CN");

        Browser.Page page = browser.get("/ui/experiments/" + id);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("data-arm=\"b\"", "data-arm=\"control\"", "治愈率", "已停止");
        assertThat(browser.get("/ui/strategies").body()).contains("data-experiment=\"" + id + "\"");
    }
}
