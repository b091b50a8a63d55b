package org.recoup.app.legal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recoup.app.CaseAssignments;
import org.recoup.app.DebtFileFixture;
import org.recoup.app.IntegrationTest;
import org.recoup.app.document.Documents;
import org.recoup.app.security.Role;
import org.recoup.app.security.Tier;
import org.recoup.app.security.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;

/** A legal matter walked end to end: proposal, approval, steps in order with costs, the lawyer's letter in Chinese. */
class LegalMatterIT extends IntegrationTest {

    private static final String PASSWORD = "legal-it-password";

    @Autowired
    UserAccounts users;
    @Autowired
    Documents documents;
    @Autowired
    LegalMatters matters;

    private String agent;
    private String supervisor;
    private String account;
    private String caseId;
    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @BeforeEach
    void aCaseOfAnAgent() {
        String team = uniqueId("lteam");
        agent = user(Role.AGENT, team);
        supervisor = user(Role.SUPERVISOR, null);
        account = new DebtFileFixture(jdbc).account(uniqueId("L"))
                .installment(1, "2024-01-10", "1000.00", "60.00", "0").id();
        caseId = new CaseAssignments(jdbc).ofAccount(account).toAgent(team, agent).id();
    }

    @Test
    void anAgentProposesASupervisorApprovesAndRecordsTheStepsInOrder() throws Exception {
        var proposed = api(agent, PASSWORD).post("/api/v1/cases/" + caseId + "/legal-matters",
                "{\"accountId\":\"" + account + "\",\"reason\":\"able to pay, refuses; 5 broken promises\"}");
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        assertThat(proposed.json().get("status").asText()).isEqualTo("PROPOSED");
        String id = proposed.json().get("matterId").asText();

        assertThat(api(agent, PASSWORD).post("/api/v1/legal/matters/" + id + "/decision", "{\"decision\":\"APPROVE\"}")
                .status()).as("an agent cannot approve").isEqualTo(403);
        assertThat(api(agent, PASSWORD).post("/api/v1/legal/matters/" + id + "/steps",
                "{\"step\":\"LAWYER_LETTER\",\"date\":\"" + today + "\"}").status()).isEqualTo(403);
        var approved = api(supervisor, PASSWORD).post("/api/v1/legal/matters/" + id + "/decision", "{\"decision\":\"APPROVE\"}");
        assertThat(approved.json().get("status").asText()).isEqualTo("OPEN");

        var judgmentFirst = step(id, "{\"step\":\"JUDGMENT\",\"date\":\"" + today + "\",\"court\":\"上海市浦东新区人民法院\","
                + "\"courtCaseNumber\":\"(2026)沪0115民初1号\"}");
        assertThat(judgmentFirst.status()).isEqualTo(409);
        assertThat(judgmentFirst.json().get("code").asText()).isEqualTo("STEP_OUT_OF_ORDER");
        assertThat(judgmentFirst.json().get("detail").asText()).contains("needs a LAWSUIT");

        var letter = step(id, "{\"step\":\"LAWYER_LETTER\",\"date\":\"" + today.minusDays(20) + "\",\"nextDeadline\":\""
                + today.minusDays(5) + "\",\"deadlineNote\":\"15 days to answer\","
                + "\"costs\":[{\"description\":\"律师费\",\"amount\":800,\"currency\":\"CNY\"}]}");
        assertThat(letter.status()).as(letter.toString()).isEqualTo(201);
        String documentId = letter.json().get("steps").get(0).get("documentId").asText();
        byte[] pdf = documents.content(documentId).orElseThrow();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertThat(text).contains("律师函", account, "1,060.00", "不会上门收取现金");
        }
        assertThat(jdbc.sql("SELECT channel FROM contact_attempt WHERE contact_id = ?").param("legal-" + id + "-letter")
                .query(String.class).single()).isEqualTo("LETTER");

        var noCourt = step(id, "{\"step\":\"LAWSUIT\",\"date\":\"" + today.minusDays(3) + "\"}");
        assertThat(noCourt.status()).isEqualTo(400);
        assertThat(noCourt.json().get("field").asText()).isEqualTo("court");

        var badCost = step(id, "{\"step\":\"LAWSUIT\",\"date\":\"" + today.minusDays(3) + "\",\"court\":\"上海市浦东新区人民法院\","
                + "\"costs\":[{\"description\":\"诉讼费\",\"amount\":12.345,\"currency\":\"CNY\"}]}");
        assertThat(badCost.status()).isEqualTo(400);
        assertThat(badCost.json().get("field").asText()).isEqualTo("costs[0].amount");

        var lawsuit = step(id, "{\"step\":\"LAWSUIT\",\"date\":\"" + today.minusDays(3) + "\",\"court\":\"上海市浦东新区人民法院\","
                + "\"courtCaseNumber\":\"(2026)沪0115民初123号\",\"nextDeadline\":\"" + today.plusDays(10)
                + "\",\"deadlineNote\":\"hearing\",\"costs\":[{\"description\":\"诉讼费\",\"amount\":1250.50,\"currency\":\"CNY\"},"
                + "{\"description\":\"translation\",\"amount\":100,\"currency\":\"USD\"}]}");
        assertThat(lawsuit.status()).as(lawsuit.toString()).isEqualTo(201);
        var totals = lawsuit.json().get("costTotals");
        assertThat(totals.get(0).get("currency").asText()).isEqualTo("CNY");
        assertThat(totals.get(0).get("amount").decimalValue()).isEqualByComparingTo("2050.50");
        assertThat(totals.get(1).get("currency").asText()).isEqualTo("USD");
        assertThat(totals.get(1).get("amount").decimalValue()).isEqualByComparingTo("100");

        var back = step(id, "{\"step\":\"MEDIATION\",\"date\":\"" + today + "\"}");
        assertThat(back.status()).isEqualTo(409);
        assertThat(back.json().get("detail").asText()).contains("cannot follow LAWSUIT");

        var deadlines = api(supervisor, PASSWORD).get("/api/v1/legal/deadlines?within=30");
        assertThat(deadlines.body()).contains(id).contains("\"step\":\"LAWSUIT\"").contains("\"daysLeft\":10");
        assertThat(deadlines.body()).as("only the current step's deadline counts").doesNotContain("15 days to answer");
        var csv = api(supervisor, PASSWORD).get("/api/v1/legal/deadlines?within=30&format=csv");
        assertThat(csv.body()).contains(id + "," + caseId + "," + account + ",LAWSUIT," + today.plusDays(10) + ",10");

        var limitation = api().get("/api/v1/accounts/" + account + "/limitation");
        assertThat(limitation.json().get("limitation").get("status").asText()).as("the lawsuit stops the clock")
                .isEqualTo("STOPPED");
    }

    @Test
    void aLawyersLetterReceiptInterruptsTheLimitation() {
        String id = openMatter();
        step(id, "{\"step\":\"LAWYER_LETTER\",\"date\":\"" + today.minusDays(10) + "\"}");

        var early = api(supervisor, PASSWORD).put("/api/v1/legal/matters/" + id + "/receipt",
                "{\"receiptDate\":\"" + today.minusDays(11) + "\",\"reference\":\"EMS1\"}");
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.json().get("field").asText()).isEqualTo("receiptDate");
        var receipt = api(supervisor, PASSWORD).put("/api/v1/legal/matters/" + id + "/receipt",
                "{\"receiptDate\":\"" + today.minusDays(7) + "\",\"reference\":\"EMS1234567890CN\"}");
        assertThat(receipt.status()).as(receipt.toString()).isEqualTo(200);

        var l = api().get("/api/v1/accounts/" + account + "/limitation").json().get("limitation");
        assertThat(l.get("restartedBy").get("kind").asText()).isEqualTo("LAWYER_LETTER_RECEIPT");
        assertThat(l.get("limitationDate").asText()).isEqualTo(today.minusDays(7).plusYears(3).toString());
    }

    @Test
    void oneRunningMatterPerAccountAndStrategyProposalsOncePerCase() {
        String id = openMatter();
        var second = api(supervisor, PASSWORD).post("/api/v1/cases/" + caseId + "/legal-matters",
                "{\"accountId\":\"" + account + "\",\"reason\":\"again\"}");
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("code").asText()).isEqualTo("MATTER_EXISTS");

        LocalDate asOf = LocalDate.of(2031, 2, 1);
        jdbc.sql("INSERT INTO run_action (as_of, case_id, action, run_id, kind, priority, rule_id, accounts, status) "
                + "VALUES (?, ?, 'LEGAL_REVIEW', 1, 'TASK', 80, 'legal-150', ?, 'PLANNED')").params(asOf, caseId, account)
                .update();
        matters.proposeFromRun(asOf);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM legal_matter WHERE case_id = ?").param(caseId).query(Long.class).single())
                .as("the open matter already covers the case").isEqualTo(1L);

        api(supervisor, PASSWORD).post("/api/v1/legal/matters/" + id + "/decision", "{\"decision\":\"APPROVE\"}");
        jdbc.sql("UPDATE legal_matter SET status = 'CLOSED' WHERE matter_id = ?").param(id).update();
        matters.proposeFromRun(asOf);
        matters.proposeFromRun(asOf);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM legal_matter WHERE case_id = ? AND source = 'RUN' AND status = 'PROPOSED'")
                .param(caseId).query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void anAgentOfAnotherTeamCannotSeeTheMatter() {
        String id = openMatter();
        String outsider = user(Role.AGENT, uniqueId("other"));

        assertThat(api(outsider, PASSWORD).get("/api/v1/legal/matters/" + id).status()).isEqualTo(404);
        assertThat(api(outsider, PASSWORD).get("/api/v1/legal/matters").body()).doesNotContain(id);
        assertThat(api(agent, PASSWORD).get("/api/v1/legal/matters/" + id).status()).isEqualTo(200);
    }

    private String openMatter() {
        var r = api(supervisor, PASSWORD).post("/api/v1/cases/" + caseId + "/legal-matters",
                "{\"accountId\":\"" + account + "\",\"reason\":\"refuses to pay\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().get("status").asText()).isEqualTo("OPEN");
        return r.json().get("matterId").asText();
    }

    private org.recoup.app.ApiClient.Response step(String id, String body) {
        return api(supervisor, PASSWORD).post("/api/v1/legal/matters/" + id + "/steps", body);
    }

    private String user(Role role, String team) {
        String name = uniqueId(role.name().toLowerCase());
        users.create(name, PASSWORD, new UserAccounts.UserFields(name, role,
                role == Role.AGENT ? Tier.INTERMEDIATE : null, team, null, "en", true));
        return name;
    }
}
