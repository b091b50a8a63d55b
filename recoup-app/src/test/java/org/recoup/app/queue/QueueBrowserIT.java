package org.recoup.app.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recoup.app.security.Role;
import org.recoup.app.security.UserAccounts;
import org.recoup.app.web.BrowserIT;
import org.springframework.beans.factory.annotation.Autowired;

/** An agent at the queue page in Chromium: "Next case" (button or the n key) opens the case, locked to them. */
class QueueBrowserIT extends BrowserIT {

    private static final String PASSWORD = "queue-browser-password";

    @Autowired
    UserAccounts users;
    @Autowired
    WorkQueue queue;
    @Autowired
    Clock clock;

    private String team;
    private String agent;

    @BeforeEach
    void setUp() {
        team = uniqueId("team");
        agent = user(Role.AGENT, team);
    }

    private String user(Role role, String team) {
        String name = uniqueId(role.name().toLowerCase());
        users.createIfAbsent(name, PASSWORD, name, role, "zh-CN");
        jdbc.sql("UPDATE app_user SET team = ?, tier = ? WHERE username = ?")
                .params(team, role == Role.AGENT ? "INTERMEDIATE" : null, name).update();
        return name;
    }

    /** Cases of the test's team waiting since an hour ago; returns the one with the highest priority. */
    private String waitingCases(int n) {
        QueueFixture fixture = new QueueFixture(jdbc);
        LocalDate asOf = LocalDate.now(clock).plusYears(40).plusDays(System.nanoTime() % 1000);
        String top = null;
        for (int i = 0; i < n; i++) {
            String c = fixture.queuedCase(uniqueId("C-P"), asOf, 50 + i, clock.instant().minusSeconds(3600), team, null);
            top = c;
        }
        queue.rebuild(asOf, clock.instant());
        return top;
    }

    @Test
    void anAgentClicksNextCaseAndLandsOnTheCaseLockedToThem() {
        String top = waitingCases(3);
        login(agent, PASSWORD);
        page.navigate("/ui/queue");
        assertThat(page.locator("[data-kpi=waiting-now]").innerText()).isEqualTo("3");
        assertThat(page.locator("[data-action=next-case]").innerText()).contains("下一个案件");
        assertThat(page.locator("[data-queue=empty]").count()).as("no empty-queue message while cases wait").isZero();
        assertThat(Files.exists(screenshot("queue-home"))).isTrue();

        page.locator("[data-action=next-case]").click();
        page.waitForURL("**/ui/cases/" + top);

        assertThat(page.url()).endsWith("/ui/cases/" + top);
        assertThat(queue.lockHolder(top, clock.instant())).contains(agent);
        screenshot("case-opened");

        page.navigate("/ui/queue");
        assertThat(page.locator("[data-queue=held]").getAttribute("data-case")).isEqualTo(top);
    }

    @Test
    void pressingNTakesTheNextCase() {
        String top = waitingCases(2);
        login(agent, PASSWORD);
        page.navigate("/ui/queue");

        page.locator("body").press("n");
        page.waitForURL("**/ui/cases/" + top);

        assertThat(queue.lockHolder(top, clock.instant())).contains(agent);
    }

    @Test
    void anEmptyQueueSaysSoWithoutLeavingThePage() {
        login(agent, PASSWORD);
        page.navigate("/ui/queue");

        page.locator("[data-action=next-case]").click();

        assertThat(page.locator("[data-queue=empty]").innerText()).contains("目前没有待您处理的案件");
        assertThat(page.url()).endsWith("/ui/queue");
        screenshot("empty");
    }

    @Test
    void releasingTheHeldCaseFromTheQueuePageGivesItBack() {
        String top = waitingCases(1);
        queue.next(new org.recoup.app.security.Actor(agent, Role.AGENT, null, team, null), WorkQueue.Filter.NONE,
                clock.instant()).orElseThrow();
        login(agent, PASSWORD);
        page.navigate("/ui/queue");

        page.locator("[data-queue=held] button[type=submit]").click();
        page.waitForCondition(() -> page.locator("[data-queue=held]").count() == 0);

        assertThat(queue.lockHolder(top, clock.instant())).isEmpty();
    }

    @Test
    void aTeamLeadSeesTheQueueDepthOfTheirTeam() {
        waitingCases(2);
        String lead = user(Role.TEAM_LEAD, team);
        login(lead, PASSWORD);

        page.navigate("/ui/queue/teams");

        assertThat(page.locator("[data-team='" + team + "'] [data-depth=waiting-now]").innerText()).isEqualTo("2");
        screenshot("teams");
    }
}
