package org.recoup.app.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.recoup.app.CaseAssignments;
import org.recoup.app.DebtFileFixture;
import org.recoup.app.IntegrationTest;
import org.recoup.app.security.Role;
import org.recoup.app.security.Tier;
import org.recoup.app.security.UserAccounts;
import org.recoup.app.web.Browser;
import org.springframework.beans.factory.annotation.Autowired;

/** The plans pages: an agent proposes on the case's plans page, the team lead approves from the approval queue. */
class PlansPageIT extends IntegrationTest {

    private static final String PASSWORD = "plans-page-password";

    @Autowired
    UserAccounts users;

    @Test
    void anAgentProposesOnTheCasePageAndTheLeadApprovesFromTheQueueInChinese() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String team = uniqueId("pp-team");
        String account = new DebtFileFixture(jdbc).account(uniqueId("PPG"), "CONSUMER_LOAN", "CNY", "2000.00",
                        today.minusDays(60).toString(), null, null, 0, "CN", "Asia/Shanghai")
                .installment(1, today.minusDays(15).toString(), "1000.00", "0.00", "0.00")
                .installment(2, today.plusDays(15).toString(), "1000.00", "0.00", "0.00").id();
        String caseId = new CaseAssignments(jdbc).ofAccount(account).toTeam(team).id();
        String agent = uniqueId("agent");
        String lead = uniqueId("lead");
        users.create(agent, PASSWORD, new UserAccounts.UserFields(agent, Role.AGENT, Tier.JUNIOR, team, null, "en", true));
        users.create(lead, PASSWORD, new UserAccounts.UserFields(lead, Role.TEAM_LEAD, null, team, null, "zh-CN", true));

        jdbc.sql("INSERT INTO run_action (as_of, case_id, action, run_id, kind, priority, rule_id, accounts, status) "
                        + "VALUES (?, ?, 'RESTRUCTURE_OFFER', 0, 'TASK', 50, 'willing-unable', ?, 'PLANNED')")
                .params(LocalDate.now(), caseId, account).update();

        Browser agentBrowser = new Browser(port);
        agentBrowser.signIn(agent, PASSWORD);
        assertThat(agentBrowser.get("/ui/plans").body()).as("the strategy asked for an offer")
                .contains("data-case=\"" + caseId + "\"", "willing-unable");
        Browser.Page casePlans = agentBrowser.get("/ui/cases/" + caseId + "/plans");
        assertThat(casePlans.status()).as(casePlans.toString()).isEqualTo(200);
        assertThat(casePlans.body()).contains("Propose a plan", account);
        Browser.Page proposed = agentBrowser.post("/ui/cases/" + caseId + "/plans", Map.of("accountId", account,
                "type", "INSTALMENT_PLAN", "scope", "ARREARS", "instalments", "2",
                "firstDueDate", today.plusDays(5).toString(), "reason", "reduced hours"));
        assertThat(proposed.status()).isEqualTo(302);
        String planPath = proposed.redirectPath();
        assertThat(planPath).startsWith("/ui/plans/PL-");
        String planId = planPath.substring("/ui/plans/".length());
        assertThat(agentBrowser.get(planPath).body()).contains("Pending approval").doesNotContain("data-test=\"approve\"");
        assertThat(agentBrowser.get("/ui/plans").body()).as("no longer suggested once a plan is open")
                .doesNotContain("data-case=\"" + caseId + "\"");

        Browser leadBrowser = new Browser(port);
        leadBrowser.signIn(lead, PASSWORD);
        Browser.Page queue = leadBrowser.get("/ui/plans/approvals");
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.body()).contains("还款计划审批", planId, "分期还款", "reduced hours");
        assertThat(leadBrowser.get("/ui/recovery").body()).contains("/ui/plans/approvals");
        leadBrowser.get(planPath);
        Browser.Page approved = leadBrowser.post(planPath + "/approve", Map.of("note", "同意"));
        assertThat(approved.status()).isEqualTo(302);
        Browser.Page plan = leadBrowser.get(planPath);
        assertThat(plan.body()).contains("计划已批准并已应用到账户", "执行中", "500.00", "计划分期", "/ui/documents/");

        Browser.Page csv = leadBrowser.get("/ui/plans?format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).contains(planId, "INSTALMENT_PLAN", "ACTIVE");
        assertThat(new Browser(port).signIn(agent, PASSWORD).status()).isEqualTo(302);
        Browser outsider = new Browser(port);
        String other = uniqueId("agent");
        users.create(other, PASSWORD, new UserAccounts.UserFields(other, Role.AGENT, Tier.SENIOR, "elsewhere", null, "en", true));
        outsider.signIn(other, PASSWORD);
        assertThat(outsider.get(planPath).status()).isEqualTo(404);
    }
}
