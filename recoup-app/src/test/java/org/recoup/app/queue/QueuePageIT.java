package org.recoup.app.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recoup.app.IntegrationTest;
import org.recoup.app.security.Role;
import org.recoup.app.security.UserAccounts;
import org.recoup.app.web.Browser;
import org.springframework.beans.factory.annotation.Autowired;

/** The queue pages without JavaScript: plain form posts get 303 redirects; htmx posts get HX-Redirect; roles. */
class QueuePageIT extends IntegrationTest {

    private static final String PASSWORD = "queue-page-password";

    @Autowired
    UserAccounts users;
    @Autowired
    WorkQueue queue;
    @Autowired
    Clock clock;

    private String team;

    @BeforeEach
    void setUp() {
        team = uniqueId("team");
    }

    private Browser signedIn(Role role, String team) {
        String name = uniqueId(role.name().toLowerCase());
        users.createIfAbsent(name, PASSWORD, name, role, "en");
        jdbc.sql("UPDATE app_user SET team = ? WHERE username = ?").params(team, name).update();
        Browser browser = new Browser(port);
        assertThat(browser.signIn(name, PASSWORD).status()).isEqualTo(302);
        assertThat(browser.get("/ui/queue").status()).isEqualTo(200);
        return browser;
    }

    private String waitingCase() {
        LocalDate asOf = LocalDate.now(clock).plusYears(50).plusDays(System.nanoTime() % 1000);
        String caseId = new QueueFixture(jdbc).queuedCase(uniqueId("C-P"), asOf, 60, clock.instant().minusSeconds(600),
                team, null);
        queue.rebuild(asOf, clock.instant());
        return caseId;
    }

    @Test
    void aPlainFormPostOfNextCaseRedirectsToTheCasePageWith303AndAnEmptyQueueBackToTheQueue() {
        String caseId = waitingCase();
        Browser agent = signedIn(Role.AGENT, team);

        Browser.Page next = agent.post("/ui/queue/next", Map.of());
        assertThat(next.status()).isEqualTo(303);
        assertThat(next.redirectPath()).isEqualTo("/ui/cases/" + caseId);

        Browser.Page home = agent.get("/ui/queue");
        assertThat(home.body()).contains("data-queue=\"held\"", "data-case=\"" + caseId + "\"");
        Browser.Page released = agent.post("/ui/cases/" + caseId + "/release", Map.of());
        assertThat(released.status()).isEqualTo(303);
        assertThat(released.redirectPath()).isEqualTo("/ui/queue");

        Browser outsider = signedIn(Role.AGENT, uniqueId("team"));
        Browser.Page nothing = outsider.post("/ui/queue/next", Map.of());
        assertThat(nothing.status()).isEqualTo(303);
        assertThat(nothing.redirectPath()).isEqualTo("/ui/queue?empty=1");
        assertThat(outsider.get("/ui/queue?empty=1").body()).contains("data-queue=\"empty\"");
    }

    @Test
    void anHtmxPostOfNextCaseAnswersHxRedirectAndAnEmptyQueueAFragment() {
        String caseId = waitingCase();
        Browser agent = signedIn(Role.AGENT, team);

        Browser.Page next = agent.post("/ui/queue/next", Map.of(), Map.of("HX-Request", "true"));
        assertThat(next.status()).isEqualTo(200);
        assertThat(next.header("HX-Redirect")).isEqualTo("/ui/cases/" + caseId);
        assertThat(queue.lockHolder(caseId, clock.instant())).isPresent();

        Browser outsider = signedIn(Role.AGENT, uniqueId("team"));
        Browser.Page empty = outsider.post("/ui/queue/next", Map.of(), Map.of("HX-Request", "true"));
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.header("HX-Redirect")).isNull();
        assertThat(empty.body()).contains("data-queue=\"empty\"").doesNotContain("<html");
    }

    @Test
    void theTeamsPageIsForSupervisorsAndTeamLeadsOnly() {
        assertThat(signedIn(Role.SUPERVISOR, null).get("/ui/queue/teams").status()).isEqualTo(200);
        assertThat(signedIn(Role.TEAM_LEAD, team).get("/ui/queue/teams").status()).isEqualTo(200);
        assertThat(signedIn(Role.AGENT, team).get("/ui/queue/teams").status()).isEqualTo(403);
    }

    @Test
    void aSupervisorSeesNoNextCaseButtonButALinkToTheTeams() {
        Browser.Page home = signedIn(Role.SUPERVISOR, null).get("/ui/queue");

        assertThat(home.body()).contains("data-queue=\"not-an-agent\"", "/ui/queue/teams")
                .doesNotContain("data-action=\"next-case\"");
    }

    @Test
    void aNextCasePostWithoutTheCsrfTokenIsRefused() {
        waitingCase();
        Browser agent = signedIn(Role.AGENT, team);

        assertThat(agent.postRaw("/ui/queue/next", Map.of(), Map.of()).status()).isEqualTo(403);
    }
}
