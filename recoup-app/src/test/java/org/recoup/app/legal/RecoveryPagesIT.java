package org.recoup.app.legal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recoup.app.CaseAssignments;
import org.recoup.app.DebtFileFixture;
import org.recoup.app.IntegrationTest;
import org.recoup.app.security.Role;
import org.recoup.app.security.Tier;
import org.recoup.app.security.UserAccounts;
import org.recoup.app.web.Browser;
import org.springframework.beans.factory.annotation.Autowired;

/** The visit and legal pages, in Chinese, walked through their forms as the users who may use them. */
class RecoveryPagesIT extends IntegrationTest {

    private static final String PASSWORD = "pages-it-password";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    UserAccounts users;

    private String team;
    private String agent;
    private String partner;
    private String supervisor;
    private String account;
    private String caseId;

    @BeforeEach
    void aCaseWithAnAddress() {
        team = uniqueId("pteam");
        agent = user(Role.AGENT, team);
        partner = user(Role.AGENT, team);
        supervisor = user(Role.SUPERVISOR, null);
        account = new DebtFileFixture(jdbc).account(uniqueId("L"))
                .installment(1, "2023-01-10", "1000.00", "60.00", "0").id();
        caseId = new CaseAssignments(jdbc).ofAccount(account).toAgent(team, agent).id();
        jdbc.sql("INSERT INTO contact_point (contact_point_id, party_id, type, contact_value) VALUES (?, ?, 'ADDRESS', ?)")
                .params(account + "-A", account + "-B", "广东省深圳市南山区科技园南区8栋").update();
    }

    @Test
    void aVisitGoesThroughTheRequestApprovalAndReportForms() {
        Browser asAgent = signedIn(agent);
        Browser.Page page = asAgent.get("/ui/visits");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("申请外访", "不得收取现金");

        var requested = asAgent.post("/ui/visits", Map.of("caseId", caseId, "reason", "电话长期关机"));
        assertThat(requested.status()).isEqualTo(302);
        String id = jdbc.sql("SELECT visit_id FROM visit WHERE case_id = ?").param(caseId).query(String.class).single();

        Browser asSupervisor = signedIn(supervisor);
        assertThat(asSupervisor.get("/ui/visits").body()).contains(id, "data-form=\"decision\"");
        String tomorrow = LocalDate.now(SHANGHAI).plusDays(1) + "T10:00";
        asSupervisor.post("/ui/visits/" + id + "/decision", Map.of("decision", "APPROVE", "scheduledAt", tomorrow,
                "staff", agent + ", " + partner));
        assertThat(status(id)).isEqualTo("APPROVED");
        assertThat(asSupervisor.get("/ui/visits?team=" + team + "&day=" + LocalDate.now(SHANGHAI).plusDays(1)).body())
                .contains("data-region=\"深圳市/南山区\"", "data-stop=\"" + id + "\"");

        asAgent.get("/ui/visits");
        String visited = LocalDate.now(SHANGHAI).minusDays(1) + "T15:00";
        var withoutConfirmation = asAgent.post("/ui/visits/" + id + "/report", Map.of("visitedAt", visited, "met", "NOBODY",
                "outcome", "NOT_FOUND"));
        assertThat(withoutConfirmation.status()).isEqualTo(302);
        assertThat(asAgent.get("/ui/visits").body()).contains("cashCollected");
        assertThat(status(id)).isEqualTo("APPROVED");

        asAgent.post("/ui/visits/" + id + "/report", Map.of("visitedAt", visited, "met", "NOBODY", "outcome", "NOT_FOUND",
                "noCash", "true"));
        assertThat(status(id)).isEqualTo("REPORTED");
    }

    @Test
    void theLegalPageShowsTheWarningsAndAMatterIsStartedAndAdvancedFromItsForms() {
        Browser asSupervisor = signedIn(supervisor);
        Browser.Page legal = asSupervisor.get("/ui/legal?asOf=2025-11-01");
        assertThat(legal.status()).isEqualTo(200);
        assertThat(legal.body()).contains("诉讼时效预警", "data-row=\"" + account + "\"");
        var csv = asSupervisor.get("/ui/legal/limitations?asOf=2025-11-01&format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).contains(account + ",C-" + account + "-B,APPROACHING");

        asSupervisor.get("/ui/legal");
        var started = asSupervisor.post("/ui/legal/matters", Map.of("caseId", caseId, "accountId", account,
                "reason", "有能力还款但拒绝"));
        assertThat(started.status()).isEqualTo(302);
        String matter = started.redirectPath().substring("/ui/legal/matters/".length());
        Browser.Page detail = asSupervisor.get("/ui/legal/matters/" + matter);
        assertThat(detail.body()).contains("data-form=\"step\"", "OPEN");

        asSupervisor.post("/ui/legal/matters/" + matter + "/steps", Map.of("step", "LAWYER_LETTER",
                "date", LocalDate.now(SHANGHAI).toString(), "costDescription", "律师费", "costAmount", "800",
                "costCurrency", "CNY"));
        assertThat(asSupervisor.get("/ui/legal/matters/" + matter).body())
                .contains("data-step=\"LAWYER_LETTER\"", "律师函", "/ui/documents/", "CNY 800.00");
    }

    @Test
    void anAgentSeesNoApprovalFormsAndTheRecoveryPageListsBothPages() {
        Browser asAgent = signedIn(agent);
        var recovery = asAgent.get("/ui/recovery");
        assertThat(recovery.body()).contains("data-entry=\"/ui/visits\"", "data-entry=\"/ui/legal\"");
        asAgent.get("/ui/visits");
        asAgent.post("/ui/visits", Map.of("caseId", caseId, "reason", "x"));
        assertThat(asAgent.get("/ui/visits").body()).doesNotContain("data-form=\"decision\"");
        String id = jdbc.sql("SELECT visit_id FROM visit WHERE case_id = ?").param(caseId).query(String.class).single();
        assertThat(asAgent.post("/ui/visits/" + id + "/decision", Map.of("decision", "APPROVE")).status()).isEqualTo(403);
    }

    private String status(String visitId) {
        return jdbc.sql("SELECT status FROM visit WHERE visit_id = ?").param(visitId).query(String.class).single();
    }

    private Browser signedIn(String username) {
        Browser b = new Browser(port);
        b.signIn(username, PASSWORD);
        return b;
    }

    private String user(Role role, String userTeam) {
        String name = uniqueId(role.name().toLowerCase());
        users.create(name, PASSWORD, new UserAccounts.UserFields(name, role,
                role == Role.AGENT ? Tier.INTERMEDIATE : null, userTeam, null, "zh-CN", true));
        return name;
    }
}
