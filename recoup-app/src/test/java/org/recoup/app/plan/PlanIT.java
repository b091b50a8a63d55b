package org.recoup.app.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recoup.app.ApiClient;
import org.recoup.app.CaseAssignments;
import org.recoup.app.DebtFileFixture;
import org.recoup.app.IntegrationTest;
import org.recoup.app.security.Role;
import org.recoup.app.security.Tier;
import org.recoup.app.security.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Repayment plans end to end through the API, on one loan per test (no penalty, no grace): three instalments of
 * 1,000.00 principal + 100.00 interest due 40 days ago, 10 days ago and in 20 days; the first paid on its due date.
 * Today (Asia/Shanghai) it owes arrears 1,100.00 (the second instalment) and a balance of 2,200.00.
 * With the shipped authority limits: a junior agent may grant instalment plans of up to 3 instalments and no waiver;
 * intermediate up to 500.00 / 5 % waived; team lead up to 5,000.00 / 20 %; supervisor 20,000.00 / 40 %.
 */
class PlanIT extends IntegrationTest {

    private static final String PASSWORD = "plan-it-password";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    UserAccounts users;

    private LocalDate today;
    private String team;
    private String account;
    private String caseId;
    private String junior;
    private String junior2;
    private String intermediate;
    private String lead;
    private String supervisor;

    @BeforeEach
    void aLoanInATeamQueue() {
        today = LocalDate.now(ZONE);
        team = uniqueId("plan-team");
        account = new DebtFileFixture(jdbc).account(uniqueId("PLN"), "CONSUMER_LOAN", "CNY", "3000.00",
                        today.minusDays(100).toString(), null, null, 0, "CN", "Asia/Shanghai")
                .installment(1, today.minusDays(40).toString(), "1000.00", "100.00", "0.00")
                .installment(2, today.minusDays(10).toString(), "1000.00", "100.00", "0.00")
                .installment(3, today.plusDays(20).toString(), "1000.00", "100.00", "0.00")
                .payment(uniqueId("PAY"), today.minusDays(40) + "T10:00:00+08:00", "1100.00")
                .id();
        caseId = new CaseAssignments(jdbc).ofAccount(account).toTeam(team).id();
        junior = user(Role.AGENT, Tier.JUNIOR);
        junior2 = user(Role.AGENT, Tier.JUNIOR);
        intermediate = user(Role.AGENT, Tier.INTERMEDIATE);
        lead = user(Role.TEAM_LEAD, null);
        supervisor = user(Role.SUPERVISOR, null);
    }

    private String user(Role role, Tier tier) {
        String name = uniqueId(role.name().toLowerCase());
        users.create(name, PASSWORD, new UserAccounts.UserFields(name, role, tier,
                role == Role.SUPERVISOR ? null : team, null, "en", true));
        return name;
    }

    private ApiClient as(String username) {
        return api(username, PASSWORD);
    }

    private ApiClient.Response propose(String by, String body) {
        return as(by).post("/api/v1/cases/" + caseId + "/plans", body);
    }

    private String instalmentPlan(int n, LocalDate first) {
        return """
                {"accountId":"%s","type":"INSTALMENT_PLAN","reason":"lost job, new one from next month",
                 "scope":"ARREARS","instalments":%d,"firstDueDate":"%s"}""".formatted(account, n, first);
    }

    private ApiClient.Response run(LocalDate asOf) {
        ApiClient.Response run = api().post("/api/v1/runs?wait=true", "{\"asOf\":\"" + asOf + "\"}");
        assertThat(run.status()).as(run.toString()).isIn(200, 201, 202);
        return run;
    }

    private int dpdOn(LocalDate asOf) {
        return jdbc.sql("SELECT dpd FROM account_state WHERE account_id = ? AND as_of = ?").params(account, asOf)
                .query(Integer.class).single();
    }

    private List<String> installments() {
        return jdbc.sql("SELECT seq || ' ' || due_date || ' ' || principal_minor || ' ' || interest_minor || ' ' || fee_minor "
                        + "FROM installment WHERE account_id = ? ORDER BY seq").param(account)
                .query(String.class).list();
    }

    private static String approve(ApiClient client, String planId) {
        ApiClient.Response r = client.post("/api/v1/plans/" + planId + "/approve", "{\"note\":\"ok\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("status").asString();
    }

    @Test
    void anInstalmentPlanIsAppliedSeenByTheRunBrokenWhenMissedAndRevertedToTheOriginalSchedule() {
        List<String> original = installments();
        var proposed = propose(intermediate, instalmentPlan(2, today.plusDays(5)));
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        String planId = proposed.json().get("planId").asString();
        assertThat(proposed.json().get("status").asString()).isEqualTo("PENDING_APPROVAL");
        assertThat(proposed.json().get("withinMakerLimit").asBoolean()).isTrue();

        assertThat(approve(as(lead), planId)).isEqualTo("ACTIVE");
        // the arrears 1,000.00 + 100.00 in two plan instalments of 500.00 + 50.00; the third instalment kept
        assertThat(installments()).containsExactly(
                "1 " + today + " 100000 10000 0",
                "2 " + today.plusDays(5) + " 50000 5000 0",
                "3 " + today.plusDays(20) + " 100000 10000 0",
                "4 " + today.plusDays(5).plusMonths(1) + " 50000 5000 0");

        run(today);
        assertThat(dpdOn(today)).as("current under the plan (10 dpd before it)").isZero();
        assertThat(as(lead).get("/api/v1/plans/" + planId).json().get("status").asString()).isEqualTo("ACTIVE");

        run(today.plusDays(12)); // the plan instalment of today + 5 unpaid: 7 dpd, beyond the plan grace of 5
        assertThat(dpdOn(today.plusDays(12))).isEqualTo(7);
        var plan = as(lead).get("/api/v1/plans/" + planId).json();
        assertThat(plan.get("status").asString()).isEqualTo("REVERTED");
        List<String> history = new ArrayList<>();
        plan.get("history").forEach(h -> history.add(h.get("status").asString()));
        assertThat(history).containsExactly("PENDING_APPROVAL", "ACTIVE", "BROKEN", "REVERTED");
        assertThat(installments()).isEqualTo(original);

        run(today.plusDays(13));
        assertThat(dpdOn(today.plusDays(13))).as("counted from the original second instalment again").isEqualTo(23);
    }

    @Test
    void aProposalBeyondTheMakersLimitIsEscalatedAndOnlySomeoneElseWithAuthorityMayApproveIt() {
        var proposed = propose(junior, """
                {"accountId":"%s","type":"WAIVER","reason":"hospital bills","waiveInterest":true,"payBy":"%s"}"""
                .formatted(account, today.plusDays(15)));
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        String planId = proposed.json().get("planId").asString();
        assertThat(proposed.json().get("withinMakerLimit").asBoolean()).isFalse();
        assertThat(proposed.json().get("requiredLevel").asString()).isEqualTo("AGENT_INTERMEDIATE");
        assertThat(proposed.json().get("waived").decimalValue()).isEqualByComparingTo("100.00");

        var own = as(junior).post("/api/v1/plans/" + planId + "/approve", "{}");
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.json().get("code").asString()).isEqualTo("PLAN_MAKER_CANNOT_APPROVE");
        var beyond = as(junior2).post("/api/v1/plans/" + planId + "/approve", "{}");
        assertThat(beyond.status()).isEqualTo(403);
        assertThat(beyond.json().get("code").asString()).isEqualTo("PLAN_BEYOND_AUTHORITY");
        assertThat(beyond.json().get("detail").asString()).contains("PLAN_TYPE_NOT_ALLOWED");
        assertThat(as(lead).get("/api/v1/plans/" + planId).json().get("status").asString())
                .isEqualTo("PENDING_APPROVAL");
        assertThat(ids(as(junior2).get("/api/v1/plans/approvals"))).doesNotContain(planId);
        assertThat(ids(as(lead).get("/api/v1/plans/approvals"))).contains(planId);

        assertThat(approve(as(lead), planId)).isEqualTo("ACTIVE");
        var waiver = as(lead).get("/api/v1/plans/" + planId).json().get("waiver");
        assertThat(waiver.get("interest").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(waiver.get("status").asString()).isEqualTo("CONDITIONAL");
    }

    @Test
    void aSettlementWaivesTheRestWhenPaidWithoutCountingTheWaiverAsCashAndItsAgreementIsInChinese() throws Exception {
        var proposed = propose(lead, """
                {"accountId":"%s","type":"SETTLEMENT","reason":"一次性结清","settlementAmount":"1500.00","payBy":"%s"}"""
                .formatted(account, today.plusDays(10)));
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        String planId = proposed.json().get("planId").asString();
        // 700.00 of 2,200.00 waived = 31.8182 %: beyond a team lead's 20 %, within a supervisor's 40 %
        assertThat(proposed.json().get("requiredLevel").asString()).isEqualTo("SUPERVISOR");
        assertThat(proposed.json().get("waivedPercent").decimalValue()).isEqualByComparingTo("31.8182");
        var refused = as(lead).post("/api/v1/plans/" + planId + "/approve", "{}");
        assertThat(refused.status()).isEqualTo(403);

        var approved = as(supervisor).post("/api/v1/plans/" + planId + "/approve", "{}");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        var plan = approved.json();
        assertThat(plan.get("waiver").get("principal").decimalValue()).isEqualByComparingTo("500.00");
        assertThat(plan.get("waiver").get("interest").decimalValue()).isEqualByComparingTo("200.00");
        assertThat(installments()).containsExactly("1 " + today + " 100000 10000 0",
                "2 " + today.plusDays(10) + " 150000 0 0");

        String documentId = plan.get("documentId").asString();
        byte[] pdf = jdbc.sql("SELECT content FROM document WHERE document_id = ?").param(documentId)
                .query((rs, n) -> rs.getBytes(1)).single();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertThat(text).contains("还款计划协议", "减免结清", "2200.00", "700.00", "1500.00",
                    today.plusDays(10).toString(), "债务人（签字、日期）");
        }

        jdbc.sql("INSERT INTO payment (payment_id, account_id, paid_at, amount_minor, channel) VALUES (?, ?, ?, ?, 'BANK_TRANSFER')")
                .params(uniqueId("PAY"), account, Timestamp.from(Instant.now()), 150000L).update();
        run(today.plusDays(1));

        var done = as(supervisor).get("/api/v1/plans/" + planId).json();
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.get("waiver").get("status").asString()).isEqualTo("GRANTED");
        assertThat(dpdOn(today.plusDays(1))).isZero();
        assertThat(jdbc.sql("SELECT SUM(amount_minor) FROM payment WHERE account_id = ?").param(account)
                .query(Long.class).single()).as("cash only: 1,100.00 + 1,500.00").isEqualTo(260000L);
    }

    @Test
    void twoApproversAtOnceApproveThePlanOnce() throws Exception {
        var proposed = propose(lead, """
                {"accountId":"%s","type":"RE_AGE","reason":"income restored, needs time for the arrears"}"""
                .formatted(account));
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        String planId = proposed.json().get("planId").asString();
        String supervisor2 = user(Role.SUPERVISOR, null);

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (String approver : List.of(supervisor, supervisor2)) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return as(approver).post("/api/v1/plans/" + planId + "/approve", "{}").status();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : answers) {
                statuses.add(f.get(60, TimeUnit.SECONDS));
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM plan_status_history WHERE plan_id = ? AND status = 'ACTIVE'")
                .param(planId).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM plan_original_installment WHERE plan_id = ?").param(planId)
                .query(Integer.class).single()).isEqualTo(3);
        // re-aged: the arrears a month after the last instalment
        assertThat(installments()).containsExactly("1 " + today + " 100000 10000 0",
                "2 " + today.plusDays(20) + " 100000 10000 0",
                "3 " + today.plusDays(20).plusMonths(1) + " 100000 10000 0");
    }

    @Test
    void aRetriedProposalWithTheSameKeyCreatesOnePlanAndTheKeyWithAnotherBodyIsRefused() {
        var headers = java.util.Map.of("Idempotency-Key", uniqueId("key"));
        String url = "/api/v1/cases/" + caseId + "/plans";
        var first = as(junior).post(url, instalmentPlan(3, today.plusDays(7)), headers);
        var retry = as(junior).post(url, instalmentPlan(3, today.plusDays(7)), headers);
        var other = as(junior).post(url, instalmentPlan(2, today.plusDays(7)), headers);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().get("planId").asString()).isEqualTo(first.json().get("planId").asString());
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.json().get("code").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM repayment_plan WHERE account_id = ?").param(account)
                .query(Integer.class).single()).isEqualTo(1);
        var second = propose(intermediate, instalmentPlan(2, today.plusDays(7)));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("code").asString()).isEqualTo("PLAN_ALREADY_OPEN");
    }

    @Test
    void badTermsAreRefusedNamingTheFieldAndOutOfScopePlansAreNotFound() {
        var above = propose(lead, """
                {"accountId":"%s","type":"SETTLEMENT","reason":"x","settlementAmount":"2200.01","payBy":"%s"}"""
                .formatted(account, today.plusDays(10)));
        assertThat(above.status()).isEqualTo(422);
        assertThat(above.json().get("field").asString()).isEqualTo("settlementAmount");
        var noDate = propose(lead, """
                {"accountId":"%s","type":"INSTALMENT_PLAN","reason":"x","instalments":2}""".formatted(account));
        assertThat(noDate.status()).isEqualTo(400);
        assertThat(noDate.json().get("field").asString()).isEqualTo("firstDueDate");
        var rejectedWithoutNote = propose(lead, instalmentPlan(2, today.plusDays(3)));
        String planId = rejectedWithoutNote.json().get("planId").asString();
        var noNote = as(supervisor).post("/api/v1/plans/" + planId + "/reject", "{}");
        assertThat(noNote.status()).isEqualTo(400);
        assertThat(noNote.json().get("field").asString()).isEqualTo("note");

        String outsider = uniqueId("agent");
        users.create(outsider, PASSWORD, new UserAccounts.UserFields(outsider, Role.AGENT, Tier.SENIOR, "other-team",
                null, "en", true));
        assertThat(as(outsider).get("/api/v1/plans/" + planId).status()).isEqualTo(404);
        assertThat(as(outsider).post("/api/v1/plans/" + planId + "/approve", "{}").status()).isEqualTo(404);
        assertThat(as(outsider).get("/api/v1/cases/" + caseId + "/plans").status()).isEqualTo(404);

        var rejected = as(supervisor).post("/api/v1/plans/" + planId + "/reject", "{\"note\":\"income not shown\"}");
        assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");
        assertThat(propose(lead, instalmentPlan(2, today.plusDays(3))).status())
                .as("the account is free again").isEqualTo(201);
    }

    @Test
    void authorityLimitsAreValidatedOnSave() {
        assertThat(api().get("/api/v1/config/authority-limits").json().get("limits")).hasSize(6);
        var shrinking = api().put("/api/v1/config/authority-limits", """
                {"limits":[
                  {"level":"AGENT_JUNIOR","maxWaiverMinor":100,"maxWaiverPercent":5,"maxInstalments":3,"maxMonths":3,
                   "planTypes":["WAIVER"]},
                  {"level":"TEAM_LEAD","maxWaiverMinor":50,"maxWaiverPercent":5,"maxInstalments":3,"maxMonths":3,
                   "planTypes":["WAIVER"]}]}""");
        assertThat(shrinking.status()).isEqualTo(400);
        assertThat(shrinking.json().get("field").asString()).isEqualTo("limits[1].level");
        var badPolicy = api().put("/api/v1/config/plan-policy", "{\"graceDays\":-1}");
        assertThat(badPolicy.status()).isEqualTo(400);
        assertThat(api().get("/api/v1/config/plan-policy").json().get("graceDays").asInt()).isEqualTo(5);
    }

    @Test
    void anImportCannotOverwriteTheScheduleOfAnActivePlan() {
        String planId = propose(intermediate, instalmentPlan(2, today.plusDays(5))).json().get("planId").asString();
        assertThat(approve(as(lead), planId)).isEqualTo("ACTIVE");
        List<String> planned = installments();
        var parts = ApiClient.parts();
        parts.put("installments.csv", ApiClient.Part.csv("installments.csv", """
                account_id,seq,due_date,principal_due,interest_due
                %1$s,1,%2$s,1000.00,100.00
                """.formatted(account, today.minusDays(40))));

        ApiClient.Response refused = api().postMultipart("/api/v1/imports?wait=true", parts);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.json().get("errors").get(0).get("row").asLong()).isEqualTo(2);
        assertThat(refused.json().get("errors").get(0).get("column").asString()).isEqualTo("account_id");
        assertThat(refused.json().get("errors").get(0).get("message").asString()).contains(planId);
        assertThat(installments()).isEqualTo(planned);
    }

    private static List<String> ids(ApiClient.Response list) {
        List<String> ids = new ArrayList<>();
        list.json().forEach(p -> ids.add(p.get("planId").asString()));
        return ids;
    }
}
