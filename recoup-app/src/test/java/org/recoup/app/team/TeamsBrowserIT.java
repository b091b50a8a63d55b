package org.recoup.app.team;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.recoup.app.queue.CaseRouting;
import org.recoup.app.security.Role;
import org.recoup.app.security.UserAccounts;
import org.recoup.app.web.BrowserIT;
import org.springframework.beans.factory.annotation.Autowired;

/** A supervisor in Chromium: the teams page, the targets page, and an escalation resolved from the queue page. */
class TeamsBrowserIT extends BrowserIT {

    @Autowired
    UserAccounts users;
    @Autowired
    CaseRouting routing;
    @Autowired
    Escalations escalations;

    @Test
    void aSupervisorSeesTeamsAndTargetsAndClosesAnEscalation() {
        TeamFixture f = new TeamFixture(jdbc, users, routing, uniqueId("tb"));
        String team = f.team(api());
        String agent = f.agent(team, "JUNIOR", "zh-CN", "CONSUMER_LOAN", 7);
        String supervisor = f.user(Role.SUPERVISOR, null, null);
        jdbc.sql("UPDATE app_user SET locale = 'zh-CN' WHERE username = ?").param(supervisor).update();
        String caseId = f.pooledCase(team, "CONSUMER_LOAN", "CN");
        routing.assign(TeamFixture.SUPERVISOR, caseId, new CaseRouting.Assignment(null, agent, null, "held"));
        escalations.raise(new org.recoup.app.security.Actor(agent, Role.AGENT, null, team, null), caseId,
                new Escalations.RaiseRequest("债务人对金额有异议"));
        String month = java.time.YearMonth.now().toString();
        assertThat(api().put("/api/v1/targets", "{\"month\":\"" + month + "\",\"scope\":\"AGENT\",\"subject\":\""
                + agent + "\",\"currency\":\"CNY\",\"amountMinor\":100000}").status()).isEqualTo(204);

        login(supervisor, TeamFixture.PASSWORD);
        page.navigate("/ui/teams");
        assertThat(page.locator("[data-team='" + team + "'] [data-member='" + agent + "'] [data-cell=capacity]")
                .innerText()).isEqualTo("7");
        assertThat(page.locator("[data-team='" + team + "'] [data-member='" + agent + "'] [data-cell=open]")
                .innerText()).isEqualTo("1");
        assertThat(page.locator("h1").innerText()).isEqualTo("团队");
        screenshot("teams");
        var member = page.locator("[data-team='" + team + "'] [data-member='" + agent + "']");
        member.locator("input[name=languages]").fill("zh-CN,en");
        member.locator("input[name=capacity]").fill("9");
        member.locator("button[type=submit]").click();
        page.waitForURL(url -> url.endsWith("/ui/teams"));
        assertThat(page.locator("[data-team='" + team + "'] [data-member='" + agent + "'] [data-cell=capacity]")
                .innerText()).isEqualTo("9");
        assertThat(jdbc.sql("SELECT languages FROM agent_profile WHERE username = ?").param(agent)
                .query(String.class).single()).isEqualTo("en,zh-CN");

        page.navigate("/ui/targets?month=" + month);
        assertThat(page.locator("[data-table=targets] tr[data-subject='" + agent + "']").innerText()).contains("1000");
        screenshot("targets");

        page.navigate("/ui/escalations");
        var row = page.locator("tr[data-case='" + caseId + "']");
        assertThat(row.innerText()).contains("债务人对金额有异议");
        screenshot("escalations");
        row.locator("select[name=action]").selectOption("CLOSE");
        row.locator("input[name=note]").fill("已电话沟通，金额无误");
        row.locator("button[type=submit]").click();
        page.waitForURL(url -> url.endsWith("/ui/escalations"));
        assertThat(page.locator("tr[data-case='" + caseId + "']").count()).isZero();
        assertThat(jdbc.sql("SELECT resolution || '|' || resolved_by FROM case_escalation WHERE case_id = ?")
                .param(caseId).query(String.class).single()).isEqualTo("CLOSED|" + supervisor);
    }
}
